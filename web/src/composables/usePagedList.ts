import { reactive, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { api, download } from '@/api/http'
import type { Page } from '@/api/types'
import { latestOnly } from './latestOnly'

export type Filters = Record<string, string>

const DEFAULT_SIZE = 20

function str(v: LocationQuery[string]): string {
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

/**
 * Server-side paged list whose page, size, sort and filters live in the URL query,
 * so a list can be bookmarked, shared and restored with the back button.
 * `page` is 1-based in the URL and the UI, 0-based towards the API.
 */
export function usePagedList<T, F extends Filters>(url: string, defaults: F) {
  const route = useRoute()
  const router = useRouter()
  const path = route.path

  const items = shallowRef<T[]>([])
  const total = ref(0)
  const totalExact = ref(true)
  const loading = ref(false)
  /** Why the last load failed (shown with a retry by ListPager), never an empty list that looks real. */
  const error = ref<string | null>(null)
  const page = ref(1)
  const size = ref(DEFAULT_SIZE)
  const sort = ref('')
  /** Filter values being edited; applied to the URL by `search()`. */
  const filters = reactive({ ...defaults }) as F

  function apiQuery() {
    return { ...filters, page: page.value - 1, size: size.value, sort: sort.value || undefined }
  }

  const answers = latestOnly()

  async function load() {
    const ticket = answers.next()
    loading.value = true
    error.value = null
    try {
      const res = await api.get<Page<T>>(url, apiQuery())
      if (!answers.current(ticket)) return
      items.value = res.items
      total.value = res.total
      totalExact.value = res.totalExact
    } catch (e) {
      if (!answers.current(ticket)) return
      items.value = []
      total.value = 0
      error.value = e instanceof Error && e.message ? e.message : String(e)
    } finally {
      if (answers.current(ticket)) loading.value = false
    }
  }

  function fromQuery(q: LocationQuery) {
    for (const key of Object.keys(defaults) as (keyof F & string)[]) {
      ;(filters as Filters)[key] = key in q ? str(q[key]) : defaults[key]
    }
    page.value = Math.max(1, Number(str(q.page)) || 1)
    size.value = Number(str(q.size)) || DEFAULT_SIZE
    sort.value = str(q.sort)
  }

  function toUrl(changes: { page?: number; size?: number; sort?: string }) {
    const query: Record<string, string> = {}
    for (const [k, v] of Object.entries(filters)) if (v !== '' && v !== defaults[k]) query[k] = v
    const p = changes.page ?? page.value
    const s = changes.size ?? size.value
    const o = changes.sort ?? sort.value
    if (p > 1) query.page = String(p)
    if (s !== DEFAULT_SIZE) query.size = String(s)
    if (o) query.sort = o
    void router.replace({ path, query })
  }

  watch(
    () => route.query,
    (q) => {
      if (route.path !== path) return
      fromQuery(q)
      void load()
    },
    { immediate: true },
  )

  return {
    items,
    total,
    totalExact,
    loading,
    error,
    page,
    size,
    sort,
    filters,
    load,
    search: () => toUrl({ page: 1 }),
    reset: () => {
      Object.assign(filters, defaults)
      toUrl({ page: 1 })
    },
    setPage: (p: number) => toUrl({ page: p }),
    setSize: (s: number) => toUrl({ page: 1, size: s }),
    /** Handler for el-table's `sort-change`. */
    setSort: ({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) =>
      toUrl({ page: 1, sort: prop && order ? `${prop},${order === 'ascending' ? 'asc' : 'desc'}` : '' }),
    exportFile: (name: string) => download(`${url}/export`, { ...filters, sort: sort.value || undefined }, `${name}.xlsx`),
  }
}

