import { reactive } from 'vue'
import { ApiError } from '@/api/http'

/** Server-side field errors keyed by field name, for `<el-form-item :error="errors.x">`. */
export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({})

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  /** Runs a request; on failure maps its field errors onto the form and rethrows. */
  async function run<T>(call: () => Promise<T>): Promise<T> {
    clear()
    try {
      return await call()
    } catch (e) {
      if (e instanceof ApiError) Object.assign(errors, e.fieldErrors)
      throw e
    }
  }

  return { errors, clear, run }
}
