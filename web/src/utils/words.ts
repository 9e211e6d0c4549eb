import zhWords from '@/i18n/words.zh-CN'
import enWords from '@/i18n/words.en'
import { i18n } from '@/i18n'
import { formatDate, formatDateTime } from './format'

/**
 * The one translation layer for codes that reach a person (issue 12): notification kinds, approval and audit
 * subjects, audit actions, field names, rule inputs and code values. A code without a word is shown humanized
 * ("open leads"), never raw, and never as `null`, `undefined` or 1970.
 */
type Group = 'kinds' | 'subjects' | 'actions' | 'fields' | 'values'

function dict() {
  return (i18n.global.locale.value === 'en' ? enWords : zhWords).words
}

/** `GROUP_ADMIN` → "Group admin", `openLeads` → "open leads", `customer.pool-return` → "customer pool return". */
export function humanize(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function word(group: Group, code: string | null | undefined): string {
  if (code == null || code === '') return ''
  return dict()[group][code] ?? humanize(code)
}

export const kindWord = (code: string) => word('kinds', code)
export const subjectWord = (code: string) => word('subjects', code)
export const actionWord = (code: string) => word('actions', code)
export const fieldWord = (code: string) => word('fields', code)

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/

/**
 * A setting's value as the administrator reads it: a secret (decision 0037) only as set or not set, in words (the
 * server answers ****** or nothing for it, never the value); any other as {@link valueWord}.
 */
export function settingWord(setting: { secret?: boolean } | null | undefined, v: unknown): string {
  if (setting?.secret) return i18n.global.t(v === '' || v === null || v === undefined ? 'settings.secretNotSet' : 'settings.secretSet')
  return valueWord(v)
}

/** A value as a person reads it: 是/否, names for codes, dates in the one format, "（空）" for nothing. */
export function valueWord(v: unknown): string {
  const w = dict()
  if (v === null || v === undefined || v === '') return w.empty
  if (typeof v === 'boolean') return v ? w.yes : w.no
  if (typeof v === 'number') return Number.isFinite(v) ? v.toLocaleString(i18n.global.locale.value as string) : w.empty
  if (Array.isArray(v)) return v.length ? v.map(valueWord).join(i18n.global.locale.value === 'en' ? ', ' : '、') : w.none
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${fieldWord(k)}: ${valueWord(x)}`)
      .join(i18n.global.locale.value === 'en' ? '; ' : '；')
  }
  const s = String(v)
  if (s === 'true' || s === 'false') return s === 'true' ? w.yes : w.no
  if (ISO_DATE_TIME.test(s)) return isEpoch(s) ? w.initial : formatDateTime(s, i18n.global.locale.value as string)
  if (ISO_DATE.test(s)) return isEpoch(s) ? w.initial : formatDate(s)
  if (CODE.test(s) && s.length > 1) return word('values', s)
  // a list of codes kept as text by a setting, e.g. PRODUCT_QUALITY,DELIVERY or LANGUAGE:20,GREETING:10
  if (/^[A-Z_]+(?::\d+)?(?:,[A-Z_]+(?::\d+)?)+$/.test(s)) {
    return s
      .split(',')
      .map((part) => {
        const [code, n] = part.split(':')
        return n ? `${word('values', code)} ${n}` : word('values', code)
      })
      .join(i18n.global.locale.value === 'en' ? ', ' : '、')
  }
  return s
}

/** 1970-01-01: the "since always" of a first setting value. */
export function isEpoch(iso: string | null | undefined): boolean {
  return !!iso && iso.startsWith('1970-01-01')
}

/** One input of a rule as a phrase: "本月已接收 0 条", "最久未分配", else "字段 值". */
export function inputPhrase(key: string, v: unknown, least = false): string {
  const w = dict()
  const template = w.sentences[key]
  let phrase: string
  if (key === 'lastAssignedAt' && (v == null || v === '' || v === '—')) phrase = w.sentences.neverAssigned
  else if (template) phrase = template.replace('{v}', valueWord(v))
  else phrase = `${fieldWord(key)} ${valueWord(v)}`
  return least ? phrase + w.sentences.least : phrase
}

/** A rule that fired, as one sentence: its text, then what it read ("熟悉该产品类别：擅长 食品、饮料，线索类别 饮料"). */
export function hitSentence(hit: { zh: string; en: string; inputs?: Record<string, unknown> }): string {
  const w = dict()
  const text = i18n.global.locale.value === 'en' ? hit.en : hit.zh
  const phrases = Object.entries(hit.inputs ?? {}).map(([k, v]) => inputPhrase(k, v))
  return phrases.length ? `${text}${w.colon}${phrases.join(w.comma)}` : text
}

/**
 * A decision's outcome in words: a code through the dictionary, a JSON outcome field by field, `true`/`false` as
 * 是/否, a person's id as their name (`chosen`, or the owner the rules named) — never the bare id.
 */
export function outcomeWord(outcome: unknown, hits: { inputs?: Record<string, unknown> }[] = [], chosen?: string | null): string {
  if (chosen) return chosen
  if (typeof outcome === 'string' && /^[[{]/.test(outcome.trim())) {
    try {
      return valueWord(JSON.parse(outcome))
    } catch {
      /* not JSON after all */
    }
  }
  const owner = hits.map((h) => h.inputs?.owner).find((o) => typeof o === 'string') as string | undefined
  if (typeof outcome === 'string' && /^\d+$/.test(outcome)) return owner ?? dict().someone
  const word = valueWord(outcome)
  return owner && typeof outcome === 'string' && /^[A-Z_]+$/.test(outcome) ? `${word}${dict().paren.replace('{v}', owner)}` : word
}
