import { ElMessage } from 'element-plus'

export interface FieldError {
  field: string
  code?: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code?: string
  errors?: FieldError[]
}

export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`)
    this.problem = problem
  }
  get status() {
    return this.problem.status
  }
  get code() {
    return this.problem.code
  }
  /** Field errors as `{field: message}`, ready for `<el-form-item :error>`. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]))
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  query?: Query
  body?: unknown
  /**
   * Send an Idempotency-Key so a retry replays instead of acting twice. The key belongs to the user action, not to
   * one send: see `actionKey`.
   */
  idempotent?: boolean
  /** The caller's own key for this action (otherwise one is kept per action by `actionKey`). */
  idempotencyKey?: string
  /** The caller handles every error itself: no message, no redirect on 401. */
  quiet?: boolean
  /** Problem codes the caller shows itself (e.g. `customer-exists`); other errors are still reported. */
  expected?: string[]
}

let currentLanguage: () => string = () => 'zh-CN'
let onUnauthorized: () => void = () => {}

export function configureHttp(opts: { language: () => string; unauthorized: () => void }) {
  currentLanguage = opts.language
  onUnauthorized = opts.unauthorized
}

export function buildUrl(url: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

/**
 * The CSRF token lives in the server's session and here in memory, never in a cookie (a cookie can be planted by
 * a sibling subdomain). It is fetched once, renewed by the login answer, and fetched again when the server says
 * it no longer matches (`csrf-invalid`, e.g. after the session expired).
 */
let csrf: string | undefined

async function csrfToken(refresh = false): Promise<string | undefined> {
  if (refresh || !csrf) {
    const res = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    csrf = res.ok ? ((await res.json()) as { token?: string }).token : undefined
  }
  return csrf
}

/** crypto.randomUUID exists only in secure contexts; plain-http intranet installs need the fallback. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * One Idempotency-Key per user action, kept across its retries: pressing "save" again after a lost answer or an
 * error re-sends the same action with the same key, so the server replays what it did (or refused) instead of
 * acting twice. The action is what is sent — method, address and content — so a changed form is a new action
 * with a new key, and a key is forgotten once its action succeeded (doing the same thing again on purpose is a
 * new action).
 */
const actionKeys = new Map<string, string>()
const MAX_PENDING_ACTIONS = 100

function formSignature(form: FormData): string {
  const parts: string[] = []
  form.forEach((value, name) => {
    parts.push(typeof value === 'string' ? `${name}=${value}` : `${name}:${value.name}:${value.size}:${value.lastModified}`)
  })
  return parts.join('&')
}

export function actionSignature(method: string, url: string, body: unknown): string {
  const content = body instanceof FormData ? formSignature(body) : JSON.stringify(body ?? null)
  return `${method} ${url} ${content}`
}

export function actionKey(signature: string): string {
  let key = actionKeys.get(signature)
  if (!key) {
    key = uuid()
    actionKeys.set(signature, key)
    if (actionKeys.size > MAX_PENDING_ACTIONS) actionKeys.delete(actionKeys.keys().next().value as string)
  }
  return key
}

export function actionDone(signature: string) {
  actionKeys.delete(signature)
}

async function toProblem(res: Response): Promise<Problem> {
  try {
    const body = await res.json()
    return { ...body, status: res.status }
  } catch {
    return { status: res.status, title: res.statusText }
  }
}

function report(problem: Problem) {
  if (problem.status === 401) {
    onUnauthorized()
    return
  }
  ElMessage.error(problem.detail || problem.title || `HTTP ${problem.status}`)
}

/** Sends a request with session cookie, language, CSRF and idempotency headers; throws ApiError. */
export async function send(url: string, opts: RequestOptions & { formData?: FormData } = {}): Promise<Response> {
  const method = opts.method ?? (opts.body !== undefined || opts.formData ? 'POST' : 'GET')
  const headers: Record<string, string> = { 'Accept-Language': currentLanguage() }
  let body: BodyInit | undefined
  if (opts.formData) {
    body = opts.formData
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  const target = buildUrl(url, opts.query)
  const signature = actionSignature(method, target, opts.formData ?? opts.body)
  if (opts.idempotent) headers['Idempotency-Key'] = opts.idempotencyKey ?? actionKey(signature)

  const attempt = async (refreshCsrf: boolean, retriesLeft: number): Promise<Response> => {
    if (method !== 'GET') {
      const token = await csrfToken(refreshCsrf)
      if (token) headers['X-XSRF-TOKEN'] = token
    }
    let res: Response
    try {
      res = await fetch(target, { method, headers, body, credentials: 'same-origin' })
    } catch (e) {
      // A lost connection is safe to retry only when the server dedupes by Idempotency-Key.
      if (opts.idempotent && retriesLeft > 0) return attempt(false, retriesLeft - 1)
      throw new ApiError({ status: 0, detail: (e as Error).message })
    }
    const renewed = res.headers.get('X-XSRF-TOKEN') // the login hands out a new token
    if (renewed) csrf = renewed
    if (res.status === 403 && method !== 'GET' && !refreshCsrf) {
      const problem = await toProblem(res.clone())
      if (problem.code === 'csrf-invalid') return attempt(true, retriesLeft)
    }
    return res
  }

  const res = await attempt(false, 1)
  if (res.status === 401 || url === '/api/auth/logout') csrf = undefined
  if (res.ok && opts.idempotent) actionDone(signature)
  if (!res.ok) {
    const problem = await toProblem(res)
    if (!opts.quiet && !(problem.code && opts.expected?.includes(problem.code))) report(problem)
    throw new ApiError(problem)
  }
  return res
}

export async function request<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(url, opts)
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const api = {
  get: <T>(url: string, query?: Query, opts: RequestOptions = {}) => request<T>(url, { ...opts, query }),
  post: <T>(url: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>(url, { ...opts, method: 'POST', body }),
  create: <T>(url: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>(url, { ...opts, method: 'POST', body, idempotent: true }),
  put: <T>(url: string, body?: unknown) => request<T>(url, { method: 'PUT', body }),
  del: (url: string) => request<void>(url, { method: 'DELETE' }),
  upload: async <T>(url: string, file: File) => {
    const formData = new FormData()
    formData.append('file', file)
    const res = await send(url, { method: 'POST', formData, idempotent: true })
    return (await res.json()) as T
  },
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)
  if (star) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(cd)
  return plain ? plain[1] : fallback
}

/** Downloads a file (e.g. an .xlsx export) keeping the session, language and filters. */
export async function download(url: string, query: Query, fallbackName: string) {
  const res = await send(url, { query })
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = filenameOf(res, fallbackName)
  a.click()
  URL.revokeObjectURL(href)
}
