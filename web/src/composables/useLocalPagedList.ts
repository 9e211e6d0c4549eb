import { reactive, ref, shallowRef } from 'vue'
import { api, download } from '@/api/http'
import type { Page } from '@/api/types'
import type { Filters } from './usePagedList'

/**
 * A server-side paged list whose page and filters stay in the component, for a second list on a page whose URL
 * already belongs to another (e.g. disputes under claims). Same shape as usePagedList, so ListPager takes it.
 */
export function useLocalPagedList<T, F extends Filters>(url: string, defaults: F, initialSize = 20) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const totalExact = ref(true)
  const loading = ref(false)
  /** Why the last load failed (shown with a retry by ListPager), never an empty list that looks real. */
  const error = ref<string | null>(null)
  const page = ref(1)
  const size = ref(initialSize)
  const filters = reactive({ ...defaults }) as F

  async function load() {
    loading.value = true
    error.value = null
    try {
      const res = await api.get<Page<T>>(url, { ...filters, page: page.value - 1, size: size.value })
      items.value = res.items
      total.value = res.total
      totalExact.value = res.totalExact
    } catch (e) {
      items.value = []
      total.value = 0
      error.value = e instanceof Error && e.message ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  return {
    items,
    total,
    totalExact,
    loading,
    error,
    page,
    size,
    filters,
    load,
    search: () => {
      page.value = 1
      return load()
    },
    setPage: (p: number) => {
      page.value = p
      void load()
    },
    setSize: (s: number) => {
      size.value = s
      page.value = 1
      void load()
    },
    exportFile: (name: string) => download(`${url}/export`, { ...filters }, `${name}.xlsx`),
  }
}
