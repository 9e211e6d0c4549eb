import { computed, getCurrentInstance, onBeforeUnmount, onMounted, ref, watch, type ComputedRef, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'

/**
 * Asks before typed data is thrown away (docs/decisions/0031): leaving the route, closing the dialog (its
 * `before-close`, or `close()` for a cancel button) or closing the browser tab while the form differs from the
 * state it was opened or last saved with. One guard for every form: `source` returns the form's data, `open`
 * (for dialogs) says whether the form is showing; opening a dialog takes a new clean state.
 */
/**
 * Whether a question of this guard is still on screen, open or fading out: Element Plus keeps an answered message box
 * in the page for its leave transition (`fade-in-linear`, 0.2 s) and hides it only then.
 */
function questionOnScreen(): boolean {
  return Array.from(document.querySelectorAll('.unsaved-guard')).some((el) => el.getClientRects().length > 0)
}
/** The last question was answered 留下继续填写 (or closed): a request while it fades repeats what was just refused. */
let lastStayed = false

export function useUnsavedGuard(source: () => unknown, open?: Ref<boolean> | ComputedRef<boolean>) {
  const { t } = useI18n()
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
    if (lastStayed && questionOnScreen()) return Promise.resolve(false)
    asking = ElMessageBox.confirm(t('common.unsavedMessage'), t('common.unsavedTitle'), {
      confirmButtonText: t('common.unsavedLeave'),
      cancelButtonText: t('common.unsavedStay'),
      type: 'warning',
      distinguishCancelAndClose: true,
      customClass: 'unsaved-guard',
    })
      .then(() => {
        lastStayed = false
        markClean()
        return true
      })
      .catch(() => {
        lastStayed = true
        return false
      })
      .finally(() => (asking = null))
    return asking
  }

  /** For a dialog's `before-close`. */
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
