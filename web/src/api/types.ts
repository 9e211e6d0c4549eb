export type Locale = 'zh-CN' | 'en'
export type DataScope = 'OWN' | 'DEPARTMENT' | 'ALL'

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
  totalExact: boolean
}

export interface Me {
  id: number
  username: string
  displayName: string
  companyId: number
  companyName: string
  departmentId: number
  departmentName: string
  roles: string[]
  dataScope: DataScope
  locale: Locale | null
}

export interface UserOption {
  id: number
  displayName: string
  departmentName: string
}

export interface User {
  id: number
  username: string
  displayName: string
  departmentId: number
  departmentName: string
  roles: string[]
  active: boolean
  phone?: string
  email?: string
  version: number
}

export interface Department {
  id: number
  name: string
  parentId: number | null
  managerId: number | null
  managerName: string | null
  version: number
  children: Department[]
}

export interface Role {
  id: number
  code: string
  nameZh: string
  nameEn: string
  dataScope: DataScope
  version: number
  /** Active users holding the role: who a scope change affects. */
  userCount: number
}

export type SettingValue = string | number | boolean

export interface Setting {
  key: string
  type: string
  unit: string | null
  value: SettingValue
  effectiveFrom: string
  version: number
  nameZh: string
  nameEn: string
  descriptionZh: string
  descriptionEn: string
  ruleIds: string[]
  /** Who set the value in force (none for the initial value). */
  changedByName: string | null
  /** The next value, not yet in force (待生效). */
  scheduled: { value: SettingValue; effectiveFrom: string; changedByName: string | null; changedAt: string } | null
}

export interface SettingRevision {
  value: SettingValue
  effectiveFrom: string
  version: number
  changedByName: string
  changedAt: string
}

export interface CalendarDay {
  date: string
  off: boolean
  name: string
}

export interface CalendarYear {
  year: number
  published: boolean
  days: CalendarDay[]
}

export interface AuditEntry {
  id: number
  at: string
  actorName: string
  entityType: string
  entityId: string | number
  action: string
  changes: Record<string, { old: unknown; new: unknown }> | null
  /** The name of the record, when the server knows it (users, departments, customers). */
  entityName?: string | null
  /** Names of the ids in the changes, by `kind:id` (e.g. `department:3`). */
  names?: Record<string, string>
}

export interface Notification {
  id: number
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface DecisionHit {
  ruleId: string
  zh: string
  en: string
  inputs: Record<string, unknown>
}

export interface Decision {
  /** Set on stored decisions (e.g. a customer's decisions tab). */
  kind?: string
  outcome: string
  hits: DecisionHit[]
  settingsVersion: number | string
  /** Absent when the decision is answered right away (e.g. a distribution). */
  decidedAt?: string | null
}

export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'VOID' | 'CANCELLED'

export interface ApprovalStep {
  seq: number
  role: string | null
  assigneeName: string | null
  status: string
  decidedByName: string | null
  decidedAt: string | null
  comment: string | null
  dueAt: string | null
}

export interface Approval {
  id: number
  subjectType: string
  subjectId: number | string
  title: string
  applicantName: string
  status: ApprovalStatus
  createdAt: string
  decision: Decision | null
  steps: ApprovalStep[]
  /** What is approved: the record's page and name, each changed field before/after, the evidence given. */
  details?: {
    link: string | null
    recordName: string | null
    changes: Record<string, { before: unknown; after: unknown }> | null
    evidence: Record<string, string> | null
    /** The figures that asked for the approval, in order (e.g. an order's total and the customer's credit limit). */
    facts?: { field: string; value: unknown }[] | null
    /** The record's lines under named columns (e.g. an order's products, a price list's old and new prices). */
    lines?: { columns: string[]; rows: unknown[][] } | null
  } | null
}

export interface ApiToken {
  id: number
  name: string
  createdAt?: string
  expiresOn?: string | null
  lastUsedAt?: string | null
}

export interface Delegation {
  id: number
  delegateId: number
  delegateName?: string
  startsOn: string
  endsOn: string
}
