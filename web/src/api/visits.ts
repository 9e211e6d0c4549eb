import { api, download, request, send } from './http'
import type { Decision } from './types'
import type { Draft, Schemas, Wire } from './schema'

/** Route visits (CUS-14): the client side of /api/visits. */
export type PlanStatus = Schemas['VisitPlansPlanItem']['status'] & string

export type PlanItem = Wire<Schemas['VisitPlansPlanItem'], 'visitId'>

export type DayPlan = Wire<Schemas['VisitPlansDayPlan'], never, { items: PlanItem[] }>

/**
 * A visit's head. The check-in position is the device's, when it sent one; the customer's point is the confirmed
 * (imported or manager-confirmed) location the check-in is measured from, `customerLocationSource` how it came (null
 * while there is none, 位置待确认); `locationUnconfirmed` marks a check-in made while there was none.
 */
export type VisitHead = Wire<
  Schemas['VisitViewHead'],
  | 'routeId' | 'outdoorAdsOk' | 'popOk' | 'racksOk' | 'nextVisitAt' | 'checkInAt' | 'checkInLat' | 'checkInLng'
  | 'checkInDistanceM' | 'checkInFar' | 'checkOutAt' | 'checkOutLat' | 'checkOutLng' | 'customerLat' | 'customerLng',
  { customerLocationSource: 'IMPORT' | 'MANAGER' | 'CONFIRMED' | null }
>

type Row<K extends keyof Schemas> = Wire<Schemas[K]>

/** The visit's lines as the form edits them: the numbers may still be empty, the line number is the server's. */
export type StockLine = Pick<Row<'VisitViewStockLine'>, 'product'> &
  Partial<Pick<Row<'VisitViewStockLine'>, 'safetyStock' | 'currentStock' | 'orderQuantity' | 'suggested'>>

export type Competitor = Pick<Row<'VisitViewCompetitor'>, 'brand' | 'product' | 'promotion' | 'display' | 'staffChanges'> &
  Partial<Pick<Row<'VisitViewCompetitor'>, 'price'>>

export type ReturnLine = Pick<Row<'VisitViewReturnLine'>, 'product' | 'reason'> & Partial<Pick<Row<'VisitViewReturnLine'>, 'quantity'>>

export type Promise_ = Wire<Schemas['VisitViewPromise'], 'followUpId'>

export type Photo = Row<'VisitViewPhoto'>

export type Visit = Wire<
  Schemas['VisitView'],
  never,
  {
    visit: VisitHead
    stock: StockLine[]
    competitors: Competitor[]
    returns: ReturnLine[]
    promises: Promise_[]
    photos: Photo[]
    decisions: Decision[]
  }
>

export interface Position {
  lat: number
  lng: number
}

export const visitsApi = {
  plan: (date?: string) => api.get<DayPlan>('/api/visits/plan', { date }),
  open: (customerId: number, routeId: number | null) => api.post<Visit>('/api/visits', { customerId, routeId }),
  get: (id: number) => api.get<Visit>(`/api/visits/${id}`),
  save: (id: number, body: unknown) => api.put<Visit>(`/api/visits/${id}`, body),
  /** The phone's automatic save: failures are shown in the page's save state, not as a message each time. */
  autosave: (id: number, body: unknown) => request<Visit>(`/api/visits/${id}`, { method: 'PUT', body, quiet: true }),
  checkIn: (id: number, at: Position | null) => api.post<Visit>(`/api/visits/${id}/check-in`, at ?? {}),
  checkOut: (id: number, at: Position | null) => api.post<Visit>(`/api/visits/${id}/check-out`, at ?? {}),
  promise: (id: number, text: string, dueOn: string) => api.post<Visit>(`/api/visits/${id}/promises`, { text, dueOn }),
  photo: (id: number, step: number, file: File) => uploadPhoto(id, step, file),
  photoUrl: (id: number, photoId: number) => `/api/visits/${id}/photos/${photoId}`,
  /** Before check-out only (409 `visit-finished` after). */
  removePhoto: (id: number, photoId: number) => api.del(`/api/visits/${id}/photos/${photoId}`),
}

/**
 * Sent without an Idempotency-Key, unlike `api.upload`: the platform's idempotency filter reads the request body
 * to hash it, which leaves a multipart request without its parts (400). A retried photo is merely a duplicate.
 */
async function uploadPhoto(id: number, step: number, file: File): Promise<Photo> {
  const formData = new FormData()
  formData.append('file', file)
  const res = await send(`/api/visits/${id}/photos?step=${step}`, { method: 'POST', formData })
  return (await res.json()) as Photo
}

/**
 * The device's position for a check-in or check-out, asked for only at that moment and never watched
 * (个人信息保护法). Null when the browser has no geolocation, the user denies it, or it takes too long:
 * the visit then records the time alone.
 */
export function currentPosition(timeoutMs = 8000): Promise<Position | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null)
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      // 0,0 ("Null Island") is what some devices report without a fix: no position, not a point 12,000 km away
      (p) => resolve(p.coords.latitude === 0 && p.coords.longitude === 0 ? null : { lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    )
  })
}

/* ---- Routes (线路), completion and market information: the desktop pages ---- */

export type FrequencyKind = Schemas['RouteInputStop']['frequency']

export type RouteStop = Wire<Schemas['RouteViewStop'], 'monthDay'>

export type Route = Wire<Schemas['RouteView'], never, { stops: RouteStop[] }>

export type RouteSummary = Row<'RouteViewSummary'>

/** A stop as `POST/PUT /api/routes` takes it: WEEKLY needs weekdays (1 = Monday … 7 = Sunday), MONTHLY a monthDay. */
export type RouteStopInput = Draft<Schemas['RouteInputStop']> & { frequency: FrequencyKind; weekdays: number[] }

export type RouteInput = Pick<Schemas['RouteInput'], 'name' | 'version'> & { stops: RouteStopInput[] }

/** `GET /api/visits`: a visit as lists show it. */
export type VisitSummary = Wire<
  Schemas['VisitViewSummary'],
  'checkInAt' | 'checkOutAt' | 'checkInFar' | 'checkInDistanceM',
  { distanceDecision: Decision | null }
>

/** `rate` is done / planned, null when nothing was planned; `locationUnconfirmed` counts visits 位置待确认. */
export type PersonCompletion = Wire<Schemas['VisitPlansPersonCompletion'], 'rate'>

export type Completion = Wire<Schemas['VisitPlansCompletion'], never, { people: PersonCompletion[] }>

export type MarketInfoRow = Wire<Schemas['MarketInfoRow'], 'product' | 'price' | 'promotion' | 'display' | 'staffChanges'>

export const routesApi = {
  get: (id: number) => api.get<Route>(`/api/routes/${id}`),
  create: (input: RouteInput) => api.create<Route>('/api/routes', input),
  /** 409 `version-conflict` is shown by the caller. */
  update: (id: number, input: RouteInput) =>
    request<Route>(`/api/routes/${id}`, { method: 'PUT', body: input, expected: ['version-conflict'] }),
  remove: (id: number, version: number) =>
    request<void>(`/api/routes/${id}`, { method: 'DELETE', query: { version }, expected: ['version-conflict'] }),
}

export const completionApi = {
  get: (week?: string, userId?: number | null) => api.get<Completion>('/api/visits/completion', { week, userId }),
  exportFile: (week?: string, userId?: number | null) =>
    download('/api/visits/completion/export', { week, userId }, 'visit-completion.xlsx'),
}

/** A customer location proposed by a first check-in, for a manager to confirm or reject (CUS-14). */
export type LocationProposal = Wire<
  Schemas['CustomerLocationsProposal'],
  'ownerName' | 'visitId' | 'decidedByName' | 'decidedAt' | 'confirmedLat' | 'confirmedLng',
  { status: 'PENDING' | 'CONFIRMED' | 'REJECTED' }
>

export const locationApi = {
  /** Problems (another manager must confirm one's own proposal, already decided, version) are shown by the client. */
  confirm: (id: number, version: number) =>
    api.post<LocationProposal>(`/api/customer-locations/proposals/${id}/confirm`, { version }),
  reject: (id: number, version: number, reason: string) =>
    api.post<LocationProposal>(`/api/customer-locations/proposals/${id}/reject`, { version, reason }),
}

/** ISO week (e.g. `2026-W48`) of a calendar date `YYYY-MM-DD`. */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  const day = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - day) // the Thursday of the week decides its year
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** `YYYY-MM-DD` shifted by some days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return t.toISOString().slice(0, 10)
}
