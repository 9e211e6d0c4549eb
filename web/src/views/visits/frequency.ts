import type { RouteStop } from '@/api/visits'

type T = (key: string, values?: Record<string, unknown>) => string

/** A stop's visit frequency in words: 每周 一、三 / 每 2 周 一 / 每月 15 日. */
export function describeFrequency(t: T, s: Pick<RouteStop, 'frequency' | 'weekdays' | 'everyWeeks' | 'monthDay'>): string {
  if (s.frequency === 'MONTHLY') return t('routes.describeMonthly', { d: s.monthDay })
  const days = [...s.weekdays].sort((a, b) => a - b).map((d) => t(`routes.weekdayNames.d${d}`)).join(t('routes.daySeparator'))
  return s.everyWeeks > 1 ? t('routes.describeEveryWeeks', { n: s.everyWeeks, days }) : t('routes.describeWeekly', { days })
}
