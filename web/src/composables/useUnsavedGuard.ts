import type { ComputedRef, Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import { createUnsavedGuard, shownOnScreen } from './unsavedGuard'

/**
 * The unsaved-typing guard of the desktop screens (unsavedGuard.ts), asking with an Element Plus message box. Element
 * Plus keeps an answered box in the page for its leave transition (`fade-in-linear`, 0.2 s) and hides it only then.
 */
export function useUnsavedGuard(source: () => unknown, open?: Ref<boolean> | ComputedRef<boolean>) {
  const { t } = useI18n()
  return createUnsavedGuard(source, open, {
    ask: () =>
      ElMessageBox.confirm(t('common.unsavedMessage'), t('common.unsavedTitle'), {
        confirmButtonText: t('common.unsavedLeave'),
        cancelButtonText: t('common.unsavedStay'),
        type: 'warning',
        distinguishCancelAndClose: true,
        customClass: 'unsaved-guard',
      }).then(
        () => true,
        () => false,
      ),
    onScreen: () => shownOnScreen('.unsaved-guard'),
  })
}
