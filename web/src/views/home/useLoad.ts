import { ref, watch, type Ref } from 'vue'
import { ApiError } from '@/api/http'
import { periodOf, type PeriodKey } from '@/api/home'
import type { ChartOption } from '@/components/EChart.vue'

/** A home section's data with its failure kept as a message (never shown as an empty section) and a retry. */
export function useLoad<T>(fetch: () => Promise<T>): { data: Ref<T | null>; error: Ref<string | null>; load: () => Promise<void> } {
  const data = ref<T | null>(null) as Ref<T | null>
  const error = ref<string | null>(null)
  async function load() {
    error.value = null
    try {
      data.value = await fetch()
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    }
  }
  return { data, error, load }
}

/** A chart's figures for a period chosen by the shortcuts (本周/本月/上月), reloaded when the period changes. */
export function usePeriodLoad<T>(initial: PeriodKey, today: () => string, fetch: (from: string, to: string) => Promise<T>) {
  const period = ref<PeriodKey>(initial)
  const loaded = useLoad(() => {
    const p = periodOf(period.value, today())
    return fetch(p.from, p.to)
  })
  watch(period, () => void loaded.load())
  return { period, ...loaded }
}

/** A titled bar chart of named series over categories (people or days); no animation, so a screenshot shows the figures. */
export function barChart(title: string, subtext: string, categories: string[], series: { name: string; data: number[]; color?: string }[]): ChartOption {
  return {
    animation: false,
    title: { text: title, subtext, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 70, bottom: 52 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data, ...(s.color ? { itemStyle: { color: s.color } } : {}) })),
  }
}
