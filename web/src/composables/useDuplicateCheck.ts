import { onBeforeUnmount, ref, watch, type WatchSource } from 'vue'
import { api } from '@/api/http'
import type { DuplicateAnswer } from '@/api/customers'
import { latestOnly } from './latestOnly'

export interface DuplicateKeys {
  name?: string
  phone?: string
  creditCode?: string
  email?: string
}

const DELAY_MS = 300

/** A whole mainland mobile number (11 digits) or landline, as the server's CUS-1 key accepts it. */
function completePhone(phone?: string): boolean {
  let digits = (phone ?? '').replace(/\D/g, '')
  if (digits.startsWith('0086')) digits = digits.slice(4)
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2)
  return /^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)
}

/**
 * Asks the server, as the user types, whether a customer with these keys exists (CUS-6). Debounced, and an
 * answer that arrives after a newer question is dropped so the hint always matches what is on screen.
 */
export function useDuplicateCheck(keys: WatchSource<DuplicateKeys>) {
  const answer = ref<DuplicateAnswer | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  const answers = latestOnly()

  async function check(k: DuplicateKeys) {
    // the server answers only for complete keys (a phone prefix is refused): ask once the number is whole
    const query = {
      name: k.name?.trim(),
      phone: completePhone(k.phone) ? k.phone?.trim() : undefined,
      creditCode: k.creditCode?.trim().length === 18 ? k.creditCode.trim() : undefined,
      email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(k.email?.trim() ?? '') ? k.email?.trim() : undefined,
    }
    // a newer question, even an empty one, makes every answer still on its way stale
    const n = answers.next()
    if (!Object.values(query).some(Boolean)) {
      answer.value = null
      return
    }
    try {
      // exact keys (the rule) and alike names (a hint) are separate questions; the hint only for two characters or more
      const [exact, similar] = await Promise.all([
        api.get<Pick<DuplicateAnswer, 'matches'>>('/api/customers/duplicates', query, { quiet: true }),
        query.name && query.name.length >= 2
          ? api.get<DuplicateAnswer['similar']>('/api/customers/similar', { name: query.name }, { quiet: true })
          : Promise.resolve([]),
      ])
      const names = new Set(exact.matches.map((m) => m.name))
      if (answers.current(n)) answer.value = { matches: exact.matches, similar: similar.filter((s) => !names.has(s.name)) }
    } catch {
      // The check is advisory; the server enforces the rule on save.
    }
  }

  watch(
    keys,
    (k) => {
      clearTimeout(timer)
      timer = setTimeout(() => void check(k), DELAY_MS)
    },
    { deep: true },
  )
  onBeforeUnmount(() => clearTimeout(timer))

  return { answer, reset: () => (answer.value = null) }
}
