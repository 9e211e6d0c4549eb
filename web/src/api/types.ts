import type { Schemas, Wire } from './schema'

export type Locale = 'zh-CN' | 'en'
export type DataScope = 'OWN' | 'DEPARTMENT' | 'ALL'

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
  totalExact: boolean
}

/** The signed-in user (`GET /api/me`). */
export type Me = Wire<Schemas['MeServiceMe'], never, { dataScope: DataScope; locale: Locale | null }>

/** A colleague as pickers offer them (`GET /api/users/directory`). */
export type UserOption = Wire<Schemas['UserDirectoryControllerColleague']>

export type User = Wire<Schemas['UserAdminUserRow'], 'phone' | 'email'>

export type Department = Wire<Schemas['DepartmentAdminNode'], 'parentId' | 'managerId' | 'managerName', { children: Department[] }>

/** A role; `userCount` counts the active users holding it (who a scope change affects). */
export type Role = Wire<Schemas['RoleAdminRoleView'], never, { dataScope: DataScope }>

/** A setting's value: the OpenAPI document says only "object" (the server sends the JSON value as typed). */
export type SettingValue = string | number | boolean

export type SettingRevision = Wire<Schemas['SettingsAdminRevision'], never, { value: SettingValue }>

/** A setting in force, who set it (none for the initial value) and its next value not yet in force (待生效). */
export type Setting = Wire<
  Schemas['SettingsAdminSettingView'],
  'unit' | 'changedByName',
  { value: SettingValue; scheduled: Wire<Schemas['SettingsAdminScheduled'], 'changedByName', { value: SettingValue }> | null }
>

export type CalendarDay = Wire<Schemas['CalendarDay']>

export type CalendarYear = Wire<Schemas['CalendarAdminYearView'], never, { days: CalendarDay[] }>

/** An audit entry: `entityName` is the record's name when the server knows it, `names` the ids' names by `kind:id`. */
export type AuditEntry = Wire<
  Schemas['AuditLogEntry'],
  'entityName',
  { changes: Record<string, { old: unknown; new: unknown }> | null }
>

export type Notification = Wire<Schemas['NotificationControllerItem'], 'link' | 'readAt'>

export type DecisionHit = Wire<Schemas['RuleHit'], never, { inputs: Record<string, unknown> }>

/**
 * A decision with its rule hits. `kind` is set on stored decisions (e.g. a customer's decisions tab); a decision
 * answered right away (e.g. a distribution) has neither kind nor time.
 */
export type Decision = Wire<
  Schemas['StoredDecision'],
  never,
  { hits: DecisionHit[]; kind?: string | null; decidedAt?: string | null }
>

export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'VOID' | 'CANCELLED'

export type ApprovalStep = Wire<
  Schemas['ApprovalViewStepView'],
  'role' | 'assigneeName' | 'decidedByName' | 'decidedAt' | 'comment' | 'dueAt'
>

export type Approval = Wire<
  Schemas['ApprovalView'],
  'completedAt' | 'subjectVersion',
  {
    status: ApprovalStatus
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
>

export type ApiToken = Wire<Schemas['ApiTokensTokenView'], 'expiresOn' | 'lastUsedAt'>

export type Delegation = Wire<Schemas['DelegationsDelegation']>
