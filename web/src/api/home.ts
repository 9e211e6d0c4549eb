import { api } from './http'
import type { DecisionHit, Page } from './types'
import type { Schemas, Wire } from './schema'

/** The home pages' figures (docs/decisions/0023-role-home-pages.md). */

type W<K extends keyof Schemas, Null extends keyof Schemas[K] = never> = Wire<Schemas[K], Null>

export type HomeStop = Wire<Schemas['VisitSummaryStop'], 'visitId', { status: 'PLANNED' | 'CHECKED_IN' | 'DONE' }>

export type HomeDueFollowUp = W<'FollowUpsDue', 'nextStep' | 'visitId' | 'authorId' | 'authorName'>

export type HomeLead = W<'HomeQueriesLead'>

export type DailyGoal = W<'DailyGoalPolicyGoal'>

export type SalesHome = Wire<
  Schemas['HomeQueriesSales'],
  never,
  {
    visits: Wire<Schemas['VisitSummaryToday'], never, { stops: HomeStop[] }>
    followUps: Wire<Schemas['HomeQueriesFollowUpsDue'], never, { items: HomeDueFollowUp[] }>
    leads: Wire<Schemas['HomeQueriesLeads'], never, { items: HomeLead[] }>
    goals: Wire<Schemas['DecisionListDailyGoalPolicyGoal'], never, { outcome: DailyGoal[]; hits: DecisionHit[] }>
  }
>

export type ActivityDay = W<'HomeQueriesDay'>

export type Activity = Wire<Schemas['HomeQueriesActivity'], never, { days: ActivityDay[] }>

export type TeamHome = Wire<
  Schemas['HomeQueriesTeam'],
  never,
  {
    visits: Wire<Schemas['VisitSummaryWeek'], never, { people: W<'VisitSummaryPerson', 'rate'>[] }>
    pool: W<'HomeQueriesPool', 'oldestSince'>
    overdueFirstContacts: W<'HomeQueriesPersonOverdue'>[]
    followUps: W<'FollowUpsDueCounts'>
  }
>

export type LeadReport = Wire<Schemas['LeadQueriesReport'], never, { rows: W<'LeadQueriesReportRow'>[] }>

export type SetupHome = Wire<
  Schemas['SetupHomeView'],
  never,
  {
    checklist: Wire<Schemas['SetupHomeStep'], never, { key: 'company' | 'departments' | 'users' | 'settings' | 'calendar' }>[]
    failures: W<'SetupHomeFailures'>
    nextYear: W<'SetupHomeCalendarYear'>
    thisYear: W<'SetupHomeCalendarYear'>
  }
>

export const homeApi = {
  sales: () => api.get<SalesHome>('/api/home/sales', undefined, { quiet: true }),
  activity: (from: string, to: string) =>
    api.get<Activity>('/api/home/sales/activity', { from, to }, { quiet: true }),
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
