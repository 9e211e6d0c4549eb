import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

/**
 * Weeks start on Monday in every language (China's calendar, ISO 8601): Element Plus' date pickers take the first
 * day of the week from dayjs' locale, whose English one starts on Sunday and whose Chinese one must be loaded.
 */
;(dayjs.Ls.en as { weekStart?: number }).weekStart = 1

/** `d` moved by `n` days, its time of day kept. */
export function plusDays(d: Date, n: number): Date {
  const x = new Date(d)
  x.setDate(x.getDate() + n)
  return x
}
const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate())
const sinceMonday = (d: Date) => (d.getDay() + 6) % 7

/** The Monday of the week after `d`'s, at `d`'s time of day. */
export const nextMonday = (d = new Date()) => plusDays(d, 7 - sinceMonday(d))

/** This week's Monday to Sunday. */
export function thisWeek(d = new Date()): [Date, Date] {
  const monday = plusDays(midnight(d), -sinceMonday(d))
  return [monday, plusDays(monday, 6)]
}

/** A month's first to last day: 0 this month, -1 last month. */
export function month(offset: number, d = new Date()): [Date, Date] {
  return [new Date(d.getFullYear(), d.getMonth() + offset, 1), new Date(d.getFullYear(), d.getMonth() + offset + 1, 0)]
}
