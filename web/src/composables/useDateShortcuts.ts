import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { month, nextMonday, plusDays, thisWeek } from '@/utils/dates'

/**
 * The quick dates of every date picker (docs/decisions/0031): `ahead` where a coming day is chosen (今天, 明天, 下周一;
 * a date-time picker keeps the time of day), `periods` for the range pickers of lists and reports (本周, 本月,
 * 上月).
 */
export function useDateShortcuts() {
  const { t } = useI18n()
  const ahead = computed(() => [
    { text: t('common.today'), value: () => new Date() },
    { text: t('common.tomorrow'), value: () => plusDays(new Date(), 1) },
    { text: t('common.nextMonday'), value: () => nextMonday() },
  ])
  const periods = computed(() => [
    { text: t('common.thisWeek'), value: () => thisWeek() },
    { text: t('common.thisMonth'), value: () => month(0) },
    { text: t('common.lastMonth'), value: () => month(-1) },
  ])
  return { ahead, periods }
}
