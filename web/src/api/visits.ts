import { api, download, request, send } from './http'
import type { Decision } from './types'

/** Route visits (CUS-14): the client side of /api/visits. */
export type PlanStatus = 'PLANNED' | 'CHECKED_IN' | 'DONE'

export interface PlanItem {
  routeId: number
  routeName: string
  position: number
  customerId: number
  customerName: string
  city: string
  address: string
  visitId: number | null
  status: PlanStatus
}

export interface DayPlan {
  date: string
  workingDay: boolean
  items: PlanItem[]
}

export interface VisitHead {
  id: number
  visitorId: number
  visitorName: string
  customerId: number
  customerName: string
  city: string
  address: string
  routeId: number | null
  visitOn: string
  objective: string
  result: string
  preparation: string
  outdoorAdsOk: boolean | null
  popOk: boolean | null
  racksOk: boolean | null
  outdoorNotes: string
  greeting: string
  displayNotes: string
  newProducts: string
  promotions: string
  marketNotes: string
  signatureRequired: boolean
  signedBy: string
  nextVisitAt: string | null
  checkInAt: string | null
  /** The device's position at check-in, when it sent one. */
  checkInLat: number | null
  checkInLng: number | null
  checkInDistanceM: number | null
  checkInFar: boolean | null
  checkOutAt: string | null
  /** The confirmed (imported or manager-confirmed) location the check-in is measured from. */
  customerLat: number | null
  customerLng: number | null
  /** How that point came: IMPORT, MANAGER or CONFIRMED; null while there is none (位置待确认). */
  customerLocationSource: 'IMPORT' | 'MANAGER' | 'CONFIRMED' | null
  /** Checked in while the customer had no confirmed location (位置待确认); measured once a manager confirms one. */
  locationUnconfirmed: boolean
  counted: boolean
  version: number
}

export interface StockLine {
  product: string
  safetyStock?: number
  currentStock?: number
  orderQuantity?: number
  suggested?: number
}

export interface Competitor {
  brand: string
  product: string
  price?: number
  promotion: string
  display: string
  staffChanges: string
}

export interface ReturnLine {
  product: string
  quantity?: number
  reason: string
}

export interface Promise_ {
  id: number
  text: string
  dueOn: string
}

export interface Photo {
  id: number
  step: number
  contentType: string
  sizeBytes: number
}

export interface Visit {
  visit: VisitHead
  stock: StockLine[]
  competitors: Competitor[]
  returns: ReturnLine[]
  promises: Promise_[]
  photos: Photo[]
  decisions: Decision[]
}

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

export type FrequencyKind = 'WEEKLY' | 'MONTHLY'

export interface RouteStop {
  position: number
  customerId: number
  customerName: string
  city: string
  stage: string
  frequency: FrequencyKind
  weekdays: number[]
  everyWeeks: number
  monthDay: number | null
  startsOn: string
}

export interface Route {
  id: number
  name: string
  ownerId: number
  ownerName: string
  version: number
  stops: RouteStop[]
}

export interface RouteSummary {
  id: number
  name: string
  ownerId: number
  ownerName: string
  stopCount: number
  version: number
}

/** A stop as `POST/PUT /api/routes` takes it: WEEKLY needs weekdays (1 = Monday … 7 = Sunday), MONTHLY a monthDay. */
export interface RouteStopInput {
  customerId: number | null
  frequency: FrequencyKind
  weekdays: number[]
  everyWeeks: number | null
  monthDay: number | null
  startsOn: string | null
}

export interface RouteInput {
  name: string
  stops: RouteStopInput[]
  version?: number
}

/** `GET /api/visits`: a visit as lists show it. */
export interface VisitSummary {
  id: number
  visitorId: number
  visitorName: string
  customerId: number
  customerName: string
  visitOn: string
  checkInAt: string | null
  checkOutAt: string | null
  checkInFar: boolean | null
  checkInDistanceM: number | null
  locationUnconfirmed: boolean
  objective: string
  result: string
  /** The check-in distance decision (CUS-14), when the visit has checked in. */
  distanceDecision: Decision | null
}

export interface PersonCompletion {
  userId: number
  name: string
  planned: number
  done: number
  unplannedDone: number
  /** Done visits whose customer had no confirmed location (位置待确认). */
  locationUnconfirmed: number
  /** done / planned; null when nothing was planned. */
  rate: number | null
}

export interface Completion {
  week: string
  from: string
  to: string
  people: PersonCompletion[]
}

export interface MarketInfoRow {
  visitId: number
  visitOn: string
  city: string
  customerName: string
  visitorName: string
  brand: string
  product: string | null
  price: number | null
  promotion: string | null
  display: string | null
  staffChanges: string | null
}

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
export interface LocationProposal {
  id: number
  customerId: number
  customerName: string
  city: string
  address: string
  ownerName: string | null
  lat: number
  lng: number
  visitId: number | null
  proposedBy: number
  proposedByName: string
  proposedAt: string
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED'
  decidedByName: string | null
  decidedAt: string | null
  reason: string
  confirmedLat: number | null
  confirmedLng: number | null
  version: number
}

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
