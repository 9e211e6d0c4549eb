import type { Decision, DecisionHit, Page } from './types'
import type { Schemas, Wire } from './schema'

/** Customers, leads, claims and disputes (spec 01, docs/api.md "Customers and leads"). */

export const STAGES = ['LEAD', 'INTENTION', 'FIRST_ORDER', 'ACTIVE', 'DORMANT', 'CLOSED'] as const
export type Stage = (typeof STAGES)[number]
export const SOURCES = ['ONLINE', 'SELF', 'IMPORT'] as const
export type Source = (typeof SOURCES)[number]
export type MatchedOn = 'NAME' | 'CREDIT_CODE' | 'PHONE' | 'EMAIL'
export const FOLLOW_UP_KINDS = ['PHONE', 'VISIT', 'MESSAGE', 'MEETING'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export const DISPUTE_OUTCOMES = ['KEEP', 'TRANSFER', 'TRANSFER_FROM'] as const
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number]

/** A contact as sent; a new one (in a form) has no id yet. */
export type Contact = Partial<Pick<Wire<Schemas['CustomerQueriesContact']>, 'id' | 'phone' | 'email' | 'position'>> &
  Pick<Wire<Schemas['CustomerQueriesContact']>, 'name'>

export type CustomerRow = Wire<Schemas['CustomerQueriesRow'], 'ownerId' | 'ownerName' | 'phone' | 'lastFollowUpAt', { stage: Stage; source: Source }>

/** The customer file (`GET /api/customers/{id}` → customer). */
export type Customer = Wire<
  Schemas['CustomerQueriesCustomer'],
  | 'creditCode' | 'address' | 'businessFormat' | 'customerClass' | 'parentId' | 'parentName' | 'ownerId' | 'ownerName'
  | 'departmentId' | 'productCategory' | 'notes' | 'firstContactDue' | 'firstContactedAt' | 'lastFollowUpAt',
  {
    source: Source
    stage: Stage
    contacts: Contact[]
    /** Absent for roles that may not see credit terms (CUS-16). */
    creditTermDays?: number | null
    creditLimit?: string | number | null
    invoiceTitle?: string | null
    taxId?: string | null
    bankName?: string | null
    bankAccount?: string | null
    intentionOn?: string | null
    /** False when the reader sees the file only as a pool lead or a claim target (contacts masked). */
    inScope?: boolean
  }
>

export interface FollowUp {
  id: number
  customerId?: number
  customerName?: string
  kind: FollowUpKind
  happenedAt: string
  content: string
  nextStep: string | null
  nextFollowUpOn: string | null
  authorName?: string
}

export interface OwnershipEntry {
  ownerId?: number
  ownerName: string
  validFrom: string
  validTo: string | null
  reason: string
  decision?: Decision | null
  /** The decision that ended the period (CUS-9 pool return). */
  endDecision?: Decision | null
}

export type Claim = Wire<
  Schemas['CustomerQueriesClaim'],
  'ownerId' | 'ownerName' | 'attemptedName' | 'disputeId',
  {
    matchedOn: MatchedOn
    status: 'OPEN' | 'DISPUTED' | 'CLOSED'
    /** The CUS-6 decision that kept the file with its owner. */
    decision?: Decision | null
  }
>

export type Statement = Wire<Schemas['DisputesStatement']>

export type Dispute = Wire<
  Schemas['DisputesDispute'],
  'ownerId' | 'ownerName' | 'effectiveFrom' | 'reason' | 'decidedByName' | 'decidedAt',
  { status: 'OPEN' | 'DECIDED'; outcome: DisputeOutcome | null; statements: Statement[] }
>

export interface ChangeRequest {
  id: number
  changes: Record<string, { old: unknown; new: unknown }>
  creditInvestigation: Record<string, string> | null
  status: string
  requestedByName: string
  createdAt: string
  decidedAt: string | null
  decision: Decision | null
}

/** `GET /api/customers/{id}`: the file and what belongs to it, side by side. */
export interface CustomerDetailAnswer {
  customer: Customer
  followUps: FollowUp[]
  ownership: OwnershipEntry[]
  claims: Claim[]
  decisions: Decision[]
  changeRequests: ChangeRequest[]
}

/** The detail page's model: the file flattened with its records. */
export interface CustomerDetail extends Customer {
  followUps: FollowUp[]
  claims: Claim[]
  ownership: OwnershipEntry[]
  decisions: Decision[]
  changeRequests: ChangeRequest[]
}

export function toCustomerDetail(res: CustomerDetailAnswer): CustomerDetail {
  return {
    ...res.customer,
    followUps: res.followUps,
    ownership: res.ownership,
    claims: res.claims,
    decisions: res.decisions,
    changeRequests: res.changeRequests,
  }
}

export interface DuplicateAnswer {
  /** A match on someone else's phone or e-mail carries only the owner and what matched. */
  matches: { customerId: number | null; name: string | null; ownerName: string | null; stage: Stage | null; matchedOn: MatchedOn; mine: boolean }[]
  similar: { name: string; ownerName: string | null }[]
}

/** The extra members of the 409 `customer-exists` problem. */
export interface CustomerExists {
  claimId?: number
  customerName: string
  ownerName: string | null
  matchedOn: MatchedOn
}

export interface Ranked {
  userId: number
  name: string
  rank: number
  reasons: DecisionHit[]
}

/** A pooled lead as the pool lists it (phone masked outside the reader's scope). */
export interface PooledLead {
  id: number
  name: string
  city: string
  productCategory: string | null
  phone: string | null
  departmentId: number
  createdAt: string
  enteredBy: string | null
}

export interface PoolEntry {
  lead: PooledLead
  ranking: Ranked[]
  claims: Claim[]
}

export interface Assignment {
  leadId: number
  userId: number
  userName: string
  decision: Decision
}

/** An assigned lead not contacted in time (CUS-12). */
export interface OverdueLead {
  id: number
  name: string
  ownerId: number | null
  ownerName: string | null
  assignedAt: string | null
  firstContactDue: string
}

/** A follow-up whose next date has come (CUS-13); `kind` PHONE, VISIT, MESSAGE or MEETING (a visit's check-out and its promises are VISIT follow-ups). */
export type DueFollowUp = Wire<Schemas['FollowUpsDue'], 'visitId' | 'nextStep'>

export interface ReportRow {
  userId: number
  name: string
  received: number
  contacted: number
  converted: number
}

export interface SalesProfile {
  userId: number
  name: string
  departmentName?: string
  skills: string[]
  absentFrom: string | null
  absentTo: string | null
  version: number
}

export interface ImportAnswer {
  /** The job it ran as: its row report stays downloadable for an hour. */
  jobId?: string
  rows?: number
  imported: number
  errors: { row: number; column: string; message: string }[]
}

/** An import running as a job (a long file): polled until DONE; a failed job answers its problem (4xx) instead. */
export interface ImportJob {
  id: string
  state: 'CHECKING' | 'WRITING' | 'DONE' | 'FAILED'
  written: number
  total: number
  answer: ImportAnswer | null
}

/** Some lists of the contract are not paged (due follow-ups, overdue leads, disputes); accept either form. */
export function itemsOf<T>(res: T[] | Page<T>): T[] {
  return Array.isArray(res) ? res : res.items
}

/** Product categories offered in forms; free text is allowed too. */
export const PRODUCT_CATEGORIES = ['饮料', '食品', '酒水', '乳制品', '日化', '烟草']
