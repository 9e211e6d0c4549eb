import { reactive } from 'vue'

/**
 * The top progress bar of route changes (a hand-made nprogress): it creeps towards 90 % while the next page and its
 * code load and fills when the route is entered. Shown only when a change takes longer than a blink.
 */
export const progress = reactive({ value: 0, visible: false })

let timer: ReturnType<typeof setInterval> | undefined
let showTimer: ReturnType<typeof setTimeout> | undefined

export function startProgress() {
  clearInterval(timer)
  clearTimeout(showTimer)
  progress.value = 8
  showTimer = setTimeout(() => (progress.visible = true), 120)
  timer = setInterval(() => {
    progress.value = Math.min(90, progress.value + (90 - progress.value) * 0.12)
  }, 150)
}

export function doneProgress() {
  clearInterval(timer)
  clearTimeout(showTimer)
  if (!progress.visible) {
    progress.value = 0
    return
  }
  progress.value = 100
  setTimeout(() => {
    progress.visible = false
    progress.value = 0
  }, 250)
}
