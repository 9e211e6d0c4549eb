import { api } from './http'
import type { Page } from './types'

/** The home pages' figures (docs/decisions/0023-role-home-pages.md). */

export interface RuleHitView {
  ruleId: string
  zh: string
  en: string
  inputs: Record<string, unknown>
}

export interface HomeStop {
  customerId: number
  customerName: string
  city: string
  visitId: number | null
  status: 'PLANNED' | 'CHECKED_IN' | 'DONE'
}

export interface HomeDueFollowUp {
  followUpId: number
  customerId: number
  customerName: string
  kind: string
  nextFollowUpOn: string
  nextStep: string
  overdue: boolean
}

export interface HomeLead {
  customerId: number
  name: string
  assignedAt: string
  firstContactDue: string
  overdue: boolean
}

export interface DailyGoal {
  kind: 'NEW_INTENTIONS' | 'MEETINGS'
  target: number
  done: number
  met: boolean
}

export interface SalesHome {
  today: string
  visits: { date: string; workingDay: boolean; planned: number; checkedIn: number; done: number; stops: HomeStop[] }
  followUps: { dueToday: number; overdue: number; items: HomeDueFollowUp[] }
  leads: { waiting: number; overdue: number; receivedThisMonth: number; items: HomeLead[] }
  openClaims: number
  openDisputes: number
  goals: { outcome: DailyGoal[]; hits: RuleHitView[]; settingsVersion: number }
}

export interface ActivityDay {
  date: string
  calls: number
  meetings: number
  newIntentions: number
}

export interface TeamHome {
  today: string
  visits: {
    week: string
    from: string
    to: string
    people: { userId: number; name: string; planned: number; done: number; unplannedDone: number; rate: number | null }[]
  }
  pool: { waiting: number; oldestSince: string | null }
  overdueFirstContacts: { userId: number; name: string; overdue: number }[]
  openDisputes: number
  followUps: { dueToday: number; overdue: number }
}

export interface LeadReport {
  from: string
  to: string
  rows: { userId: number; name: string; received: number; contacted: number; converted: number }[]
  spread: number
}

export interface SetupHome {
  companyName: string
  checklist: { key: 'company' | 'departments' | 'users' | 'settings' | 'calendar'; done: boolean; count: number }[]
  failures: { jobRuns: number; dueTasks: number }
  nextYear: { year: number; published: boolean }
  thisYear: { year: number; published: boolean }
}

export const homeApi = {
  sales: () => api.get<SalesHome>('/api/home/sales', undefined, { quiet: true }),
  activity: (from: string, to: string) =>
    api.get<{ from: string; to: string; days: ActivityDay[] }>('/api/home/sales/activity', { from, to }, { quiet: true }),
  team: () => api.get<TeamHome>('/api/home/team', undefined, { quiet: true }),
  leadReport: (from: string, to: string) => api.get<LeadReport>('/api/leads/report', { from, to }, { quiet: true }),
  setup: () => api.get<SetupHome>('/api/home/setup', undefined, { quiet: true }),
  /** How many rows a list endpoint holds (its page total, or the length of a plain list). */
  count: async (url: string, query?: Record<string, string | number | boolean>) => {
    const answer = await api.get<Page<unknown> | unknown[]>(url, { ...query, page: 0, size: 1 }, { quiet: true })
    return Array.isArray(answer) ? answer.length : answer.total
  },
}

export type PeriodKey = 'week' | 'month' | 'lastMonth'

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** 本周 (Monday to today), 本月 (the 1st to today), 上月 (the whole previous month), from the server's today. */
export function periodOf(key: PeriodKey, today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number)
  const day = new Date(y, m - 1, d)
  if (key === 'week') {
    const monday = new Date(day)
    monday.setDate(day.getDate() - ((day.getDay() + 6) % 7))
    return { from: iso(monday), to: today }
  }
  if (key === 'month') return { from: iso(new Date(y, m - 1, 1)), to: today }
  return { from: iso(new Date(y, m - 2, 1)), to: iso(new Date(y, m - 1, 0)) }
}
