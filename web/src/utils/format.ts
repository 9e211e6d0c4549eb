const TZ = 'Asia/Shanghai'

const parts = (d: Date, withTime: boolean) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )

/**
 * The one date-time format of the UI, in both languages: 2026-11-23 09:30 (Asia/Shanghai). `locale` is kept for the
 * callers; the format does not depend on it, so a date reads the same in Chinese and English.
 */
export function formatDateTime(iso: string | null | undefined, _locale?: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = parts(d, true)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** A date (YYYY-MM-DD, or an instant shown as its Shanghai date) in the one date format. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = parts(d, false)
  return `${p.year}-${p.month}-${p.day}`
}

/** The same format on a chart's day axis, where the year is the chart's: 11-23. */
export function formatMonthDay(iso: string | null | undefined): string {
  return formatDate(iso).slice(5)
}

/** The date-time pickers show what the pages show (2026-11-23 09:30), not Element Plus's default with seconds. */
export const DATE_TIME_PICKER_FORMAT = 'YYYY-MM-DD HH:mm'

/** Money in yuan as people read it everywhere: ¥1,234.00 (grouped, two decimals, HALF_UP done by the server). */
export function formatMoney(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—'
  const n = Number(v)
  if (!Number.isFinite(n)) return '—'
  const s = Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return `${n < 0 ? '-' : ''}¥${s}`
}

/** A value without a known meaning, as plain text; codes and ids go through `@/utils/words` instead. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** Now as local ISO-8601 with offset, e.g. 2026-11-23T09:30:00+08:00 (matches value-format YYYY-MM-DDTHH:mm:ssZ). */
export function isoNow(): string {
  const d = new Date()
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  const off = -d.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(off / 60)}:${pad(off % 60)}`
  )
}
