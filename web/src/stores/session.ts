import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@/api/http'
import type { Locale, Me } from '@/api/types'
import { applyLocale, storedLocale } from '@/i18n'

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)

  function adopt(user: Me) {
    me.value = user
    // A choice made on this device wins; otherwise follow the account's language.
    if (!storedLocale() && user.locale) applyLocale(user.locale)
  }

  /** Loads the signed-in user; false when there is no session. */
  async function load(): Promise<boolean> {
    try {
      adopt(await api.get<Me>('/api/me', undefined, { quiet: true }))
      return true
    } catch {
      me.value = null
      return false
    }
  }

  async function login(username: string, password: string) {
    adopt(await api.post<Me>('/api/auth/login', { username, password }, { quiet: true }))
  }

  async function logout() {
    try {
      await api.post('/api/auth/logout')
    } finally {
      me.value = null
    }
  }

  async function setLocale(locale: Locale) {
    applyLocale(locale)
    if (me.value) {
      await api.put('/api/me/locale', { locale })
      me.value.locale = locale
    }
  }

  return { me, load, login, logout, setLocale, clear: () => (me.value = null) }
})
