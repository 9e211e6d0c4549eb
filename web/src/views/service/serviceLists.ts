import { computed, ref, shallowRef, watch, type Ref } from 'vue'

/**
 * Loads one read of the service screens (knowledge, QC, analyses) and keeps its failure, so a screen shows what went
 * wrong (besides the global message) instead of an empty table.
 */
export function useLoad<T>(fetch: () => Promise<T>, initial: T) {
  const data = shallowRef<T>(initial) as Ref<T>
  const error = ref('')
  const loading = ref(false)
  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetch()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }
  return { data, error, loading, load }
}

/** Pages a bounded list the server answers whole (QC samples of a month, reports, per-agent rows). */
export function useClientPager<T>(rows: Ref<T[]>, initialSize = 20) {
  const page = ref(1)
  const size = ref(initialSize)
  watch(rows, () => {
    if ((page.value - 1) * size.value >= rows.value.length) page.value = 1
  })
  const paged = computed(() => rows.value.slice((page.value - 1) * size.value, page.value * size.value))
  return { page, size, paged, total: computed(() => rows.value.length) }
}

/** Local calendar day as YYYY-MM-DD (the pickers' value format). */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function daysAgo(n: number): Date {
  const d = new Date()
  d.setDate(d.getDate() - n)
  return d
}

export function monthsAgo(n: number): Date {
  const d = new Date()
  d.setDate(1)
  d.setMonth(d.getMonth() - n)
  return d
}

export function isoMonth(d: Date): string {
  return isoDay(d).slice(0, 7)
}

/** Reads a file as base64 (without the data: prefix), for JSON bodies such as the KB notice file. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/**
 * Saves rows the screen already holds (an agent's own scores) as a CSV file Excel opens (UTF-8 with BOM), for lists
 * with no server export.
 */
export function exportCsv(name: string, headers: string[], rows: (string | number | null | undefined)[][]) {
  const cell = (v: string | number | null | undefined) => {
    const s = v == null ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const text = [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')
  const href = URL.createObjectURL(new Blob(['\uFEFF' + text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = href
  a.download = `${name}.csv`
  a.click()
  URL.revokeObjectURL(href)
}
