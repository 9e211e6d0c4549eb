import { formatMoney } from '@/utils/format'
import type { DecisionHit } from './types'
import type { Schemas, Wire } from './schema'

/** Quotes and quote requests (spec 02, PRC-3 … PRC-11), as the server answers them. */
export type Verdict = Schemas['PriceCheck']['verdict'] & string
export type SpecialStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED'
export type QuoteState = 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED'

export type PriceCheck = Wire<
  Schemas['PriceCheck'],
  'guidePrice' | 'feePerUnit' | 'netPrice' | 'allowance' | 'specialDiscount' | 'commissionReduction' | 'feeExpense'
>

export type CheckedLine = Wire<
  Schemas['LinePricingCheckedLine'],
  'priceListId',
  { check: Wire<Schemas['DecisionPriceCheck'], never, { outcome: PriceCheck; hits: DecisionHit[] }> }
>

export type FieldProblem = Wire<Schemas['ProblemExceptionFieldProblem'], never, { args: unknown[] }>

export type LiveLine = Wire<Schemas['QuotesLiveLine'], 'checked' | 'floorPrice', { checked: CheckedLine | null; problems: FieldProblem[] }>

export type LiveCheck = Wire<Schemas['QuotesLiveCheck'], never, { lines: LiveLine[] }>

export type QuoteLine = Wire<
  Schemas['QuoteViewsLineView'],
  | 'quoteRequestId' | 'guidePrice' | 'netPrice' | 'feePerUnit' | 'allowance' | 'specialDiscount' | 'commissionReduction'
  | 'feeExpense' | 'priceListId' | 'specialApprovalId',
  { verdict: Verdict; specialStatus: SpecialStatus }
>

export type QuoteVersion = Wire<
  Schemas['QuoteViewsVersionView'],
  'sentAt' | 'decidedAt' | 'convertedAt' | 'orderId' | 'settingsVersion',
  { state: QuoteState }
>

/** A stored decision of a quote or request as the detail lists them. */
type StoredDecision = Wire<Schemas['StoredDecision'], 'decidedAt', { hits: DecisionHit[] }>

export type QuoteDetail = Wire<
  Schemas['QuotesDetail'],
  never,
  {
    quote: Wire<Schemas['QuoteViewsHeader'], 'copiedFrom'>
    current: QuoteVersion
    lines: { line: QuoteLine; why: DecisionHit[] }[]
    sendCheck: Wire<Schemas['DecisionBoolean'], never, { hits: DecisionHit[] }>
    versions: QuoteVersion[]
    decisions: StoredDecision[]
  }
>

export type QuoteRow = Wire<Schemas['QuoteViewsSummary'], never, { state: QuoteState }>

export type QuoteRequest = Wire<
  Schemas['QuoteRequestsSummary'],
  | 'guidePrice' | 'leadTimeDays' | 'answererName' | 'answeredAt' | 'answeredLate' | 'escalatedAt' | 'escalatedToName'
  | 'answeredBy',
  { status: 'OPEN' | 'ANSWERED' }
>

export type QuoteRequestDetail = Wire<Schemas['QuoteRequestsDetail'], never, { request: QuoteRequest; decisions: StoredDecision[] }>

/** Who may do what with quotes; mirrors the server's @Allow (the server decides). */
export const QUOTE_READERS = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
export const QUOTE_WRITERS = ['SALESPERSON', 'BUSINESS_MANAGER']
export const REQUEST_ANSWERERS = ['FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']

export const money = (v: number | string | null | undefined) => formatMoney(v)
export const percent = (v: number | null | undefined, digits = 2) => (v == null ? '—' : `${(Number(v) * 100).toFixed(digits)}%`)
