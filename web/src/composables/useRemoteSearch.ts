import { ref, watch, type Ref } from 'vue'
import { latestOnly } from './latestOnly'

export interface RemoteOption {
  id: number
}

/**
 * Options for a remote-search picker: asks the server as the user types (pickers never load whole tables), drops
 * answers that arrive after a newer question, and keeps the chosen value's label visible before any search.
 */
export function useRemoteSearch<T extends RemoteOption>(
  fetch: (q: string) => Promise<T[]>,
  selected: () => { id: number | null; option: T | null },
) {
  const options: Ref<T[]> = ref([])
  const loading = ref(false)
  const answers = latestOnly()

  watch(
    selected,
    ({ id, option }) => {
      if (id != null && option && !options.value.some((o) => o.id === id)) options.value = [option]
    },
    { immediate: true },
  )

  async function search(q: string) {
    if (!q.trim()) return
    const mine = answers.next()
    loading.value = true
    try {
      const found = await fetch(q.trim())
      if (answers.current(mine)) options.value = found
    } finally {
      if (answers.current(mine)) loading.value = false
    }
  }

  return { options, loading, search }
}
