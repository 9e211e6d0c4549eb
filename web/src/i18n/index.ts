import { createI18n } from 'vue-i18n'
import type { Locale } from '@/api/types'
import zhCN from './zh-CN'
import en from './en'

const STORAGE_KEY = 'yewu.locale'

export function storedLocale(): Locale | null {
  const v = localStorage.getItem(STORAGE_KEY)
  return v === 'en' || v === 'zh-CN' ? v : null
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale() ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

/** Switches the UI language and remembers the choice on this device. */
export function applyLocale(locale: Locale) {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
