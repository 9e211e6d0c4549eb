/**
 * Chinese text uses full-width punctuation (，：；？！（）): an ASCII , : ; ? ! ( ) right beside a Chinese character
 * is a slip. `punctuationSlips` walks the messages and names each slip by its key; the spec fails on any.
 */

/** A CJK character (ideographs, and the full-width forms and punctuation that sit among them). */
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]'
const ASCII = '[,:;?!()]'
const SLIP = new RegExp(`${CJK}${ASCII}|${ASCII}${CJK}`, 'gu')

export interface Slip {
  key: string
  text: string
  at: string
}

/** Every slip in a message tree (objects of strings, arrays and functions are skipped). */
export function punctuationSlips(messages: unknown, prefix = ''): Slip[] {
  if (typeof messages === 'string') {
    // `{name}` placeholders and `@:key` links are vue-i18n syntax, not text
    const text = messages.replace(/\{[^}]*\}/g, 'x')
    return [...text.matchAll(SLIP)].map((m) => ({ key: prefix, text: messages, at: m[0] }))
  }
  if (messages && typeof messages === 'object')
    return Object.entries(messages).flatMap(([k, v]) => punctuationSlips(v, prefix ? `${prefix}.${k}` : k))
  return []
}
