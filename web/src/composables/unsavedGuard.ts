import { computed, getCurrentInstance, onBeforeUnmount, onMounted, ref, watch, type ComputedRef, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'

/**
 * The one "discard unsaved typing?" guard (docs/decisions/0031), whatever draws the question: Element Plus on the
 * desktop (useUnsavedGuard), Vant on the phone (useMobileUnsavedGuard), so the phone's bundle carries no Element Plus.
 * It asks before leaving the route, closing the dialog or sheet (its `before-close`, or `close()` for a cancel button)
 * or closing the browser tab while the form differs from the state it was opened or last saved with. `source` returns
 * the form's data, `open` (for dialogs and sheets) says whether the form is showing; opening takes a new clean state.
 */
export interface Question {
  /** Shows the question; true when the user chose to leave (discard). */
  ask: () => Promise<boolean>
  /** Whether an answered question is still on screen (fading out). */
  onScreen: () => boolean
}

/** The last question was answered 留下继续填写 (or closed): a request while it fades repeats what was just refused. */
let lastStayed = false

export function createUnsavedGuard(source: () => unknown, open: Ref<boolean> | ComputedRef<boolean> | undefined, question: Question) {
  const snapshot = ref(JSON.stringify(source()))
  const showing = () => open?.value ?? true
  const dirty = computed(() => showing() && JSON.stringify(source()) !== snapshot.value)

  /** The form's current data is the saved one (after loading or saving). */
  function markClean() {
    snapshot.value = JSON.stringify(source())
  }
  if (open) watch(open, (now) => now && markClean(), { flush: 'post' })

  /**
   * True when nothing is unsaved or the user chose to leave. One question at a time: a close request that arrives
   * while a question is open gets that question's answer, and one that arrives while a question answered 留下 is still
   * fading out is the same request again (Esc pressed right after 留下继续填写, a key held down) and is refused without
   * a second box; a click cannot do that (the fading box's overlay still covers the page). See decision 0031.
   */
  let asking: Promise<boolean> | null = null
  function confirmDiscard(): Promise<boolean> {
    if (!dirty.value) return Promise.resolve(true)
    if (asking) return asking
    if (lastStayed && question.onScreen()) return Promise.resolve(false)
    asking = question
      .ask()
      .then((leave) => {
        lastStayed = !leave
        if (leave) markClean()
        return leave
      })
      .finally(() => (asking = null))
    return asking
  }

  /** For an Element Plus dialog's `before-close`. */
  function beforeClose(done: () => void) {
    void confirmDiscard().then((leave) => leave && done())
  }

  /** Closes a dialog from its cancel button: `close(() => (visible.value = false))`. */
  async function close(hide: () => void) {
    if (await confirmDiscard()) hide()
  }

  const onUnload = (e: BeforeUnloadEvent) => {
    if (!dirty.value) return
    e.preventDefault()
    e.returnValue = '' // older browsers ask only when returnValue is set
  }
  onMounted(() => window.addEventListener('beforeunload', onUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onUnload))
  // Route leave: only in components a route renders (a dialog inside a route screen counts).
  if (getCurrentInstance()) onBeforeRouteLeave(() => confirmDiscard())

  return { dirty, markClean, confirmDiscard, beforeClose, close }
}

/** Whether an element matching the selector is rendered (not display:none). */
export function shownOnScreen(selector: string): boolean {
  return Array.from(document.querySelectorAll(selector)).some((el) => el.getClientRects().length > 0)
}
