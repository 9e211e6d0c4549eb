import { onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '@/api/http'
import type { Role } from '@/api/types'

/** The company's roles (admin only) and their name in the current language. */
export function useRoles() {
  const { locale } = useI18n()
  const roles = ref<Role[]>([])

  async function load() {
    roles.value = await api.get<Role[]>('/api/admin/roles')
  }

  onMounted(load)

  return { roles, load, roleName: (r: Role) => (locale.value === 'en' ? r.nameEn : r.nameZh) }
}
