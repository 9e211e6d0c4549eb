import { ref, type Ref } from 'vue'
import { ApiError } from '@/api/http'

/**
 * A page's load with its failure kept: the page shows the message and a retry (LoadFailed) instead of an empty
 * list that would look like "nothing there".
 */
export function useLoad<T>(fetcher: () => Promise<T>) {
  const data = ref<T>() as Ref<T | undefined>
  const error = ref<string>()
  const loading = ref(false)

  async function load() {
    loading.value = true
    error.value = undefined
    try {
      data.value = await fetcher()
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String((e as Error)?.message ?? e)
    } finally {
      loading.value = false
    }
  }

  return { data, error, loading, load }
}
