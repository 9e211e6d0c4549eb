import { ref, type Ref } from 'vue'
import { ApiError } from '@/api/http'

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
