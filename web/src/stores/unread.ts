import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@/api/http'
import type { Schemas, Wire } from '@/api/schema'

const POLL_MS = 60_000

export const useUnread = defineStore('unread', () => {
  const count = ref(0)
  let timer: number | undefined

  async function refresh() {
    try {
      count.value = (await api.get<Wire<Schemas['NotificationControllerCount']>>('/api/notifications/unread-count', undefined, { quiet: true })).count
    } catch {
      // Polling stays silent; the next page action reports real problems.
    }
  }

  function start() {
    stop()
    void refresh()
    timer = window.setInterval(refresh, POLL_MS)
  }

  function stop() {
    if (timer !== undefined) window.clearInterval(timer)
    timer = undefined
  }

  return { count, refresh, start, stop }
})
