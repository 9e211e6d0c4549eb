import type { ComputedRef, Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showConfirmDialog } from 'vant'
import { createUnsavedGuard, shownOnScreen } from './unsavedGuard'

/**
 * The unsaved-typing guard of the phone app (unsavedGuard.ts), asking with Vant's dialog. For a bottom sheet, pass
 * `guard.beforeSheetClose` as the Popup's `before-close` (the close icon and a tap on the overlay).
 */
export function useMobileUnsavedGuard(source: () => unknown, open?: Ref<boolean> | ComputedRef<boolean>) {
  const { t } = useI18n()
  const guard = createUnsavedGuard(source, open, {
    ask: () =>
      showConfirmDialog({
        title: t('common.unsavedTitle'),
        message: t('common.unsavedMessage'),
        confirmButtonText: t('common.unsavedLeave'),
        cancelButtonText: t('common.unsavedStay'),
        className: 'unsaved-guard',
      }).then(
        () => true,
        () => false,
      ),
    onScreen: () => shownOnScreen('.unsaved-guard'),
  })
  return { ...guard, beforeSheetClose: () => guard.confirmDiscard() }
}
