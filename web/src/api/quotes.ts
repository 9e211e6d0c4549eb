import { formatMoney } from '@/utils/format'
import type { DecisionHit } from './types'

/** Quotes and quote requests (spec 02, PRC-3 … PRC-11), as the server answers them. */
export type Verdict = 'OK' | 'SPECIAL_PRICE' | 'REFUSED' | 'AWAITING_GUIDE_PRICE'
export type SpecialStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED'
export type QuoteState = 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED'

export interface PriceCheck {
  verdict: Verdict
  guidePrice: number | null
  unitPrice: number
  feePerUnit: number | null
  netPrice: number | null
  allowance: number | null
  specialDiscount: number | null
  commissionReduction: number | null
  feeExpense: number | null
}

export interface CheckedLine {
  productId: number
  productCode: string
  productName: string
  kind: 'STANDARD' | 'NON_STANDARD'
  active: boolean
  priceListId: number | null
  check: { outcome: PriceCheck; hits: DecisionHit[]; settingsVersion: number }
  amount: number
  tax: number
}

export interface FieldProblem {
  field: string
  code: string
  args: unknown[]
}

export interface LiveLine {
  index: number
  checked: CheckedLine | null
  floorPrice: number | null
  problems: FieldProblem[]
}

export interface LiveCheck {
  lines: LiveLine[]
  total: number
  tax: number
  vatInvoice: boolean
}

export interface QuoteLine {
  lineNo: number
  productId: number
  productCode: string
  productName: string
  productKind: string
  unit: string
  quantity: number
  unitPrice: number
  feeShare: number
  quoteRequestId: number | null
  amount: number
  tax: number
  verdict: Verdict
  guidePrice: number | null
  netPrice: number | null
  feePerUnit: number | null
  allowance: number | null
  specialDiscount: number | null
  commissionReduction: number | null
  feeExpense: number | null
  specialStatus: SpecialStatus
}

export interface QuoteVersion {
  versionNo: number
  state: QuoteState
  vatInvoice: boolean
  issuedOn: string
  validUntil: string
  total: number
  tax: number
  feeExpense: number
  paymentTerms: string
  deliveryTerms: string
  notes: string
  createdAt: string
  sentAt: string | null
  decidedAt: string | null
  rejectReason: string
  convertedAt: string | null
  orderId: number | null
}

export interface QuoteDetail {
  quote: {
    id: number
    number: string
    customerId: number
    customerName: string
    ownerId: number
    ownerName: string
    newestVersion: number
    copiedFrom: number | null
    version: number
  }
  current: QuoteVersion
  expired: boolean
  lines: { line: QuoteLine; why: DecisionHit[] }[]
  sendCheck: { outcome: boolean; hits: DecisionHit[] }
  versions: QuoteVersion[]
  decisions: { kind: string; outcome: string; hits: DecisionHit[] }[]
}

export interface QuoteRow {
  id: number
  number: string
  customerId: number
  customerName: string
  ownerName: string
  newestVersion: number
  state: QuoteState
  expired: boolean
  total: number
  issuedOn: string
  validUntil: string
}

export interface QuoteRequest {
  id: number
  customerId: number
  customerName: string
  productId: number
  productCode: string
  productName: string
  quantity: number
  specification: string
  requesterName: string
  requestedAt: string
  dueAt: string
  status: 'OPEN' | 'ANSWERED'
  guidePrice: number | null
  leadTimeDays: number | null
  answerNotes: string
  answererName: string | null
  answeredAt: string | null
  answeredLate: boolean | null
  escalatedAt: string | null
  escalatedToName: string | null
  version: number
}

export interface QuoteRequestDetail {
  request: QuoteRequest
  overdue: boolean
  secondsLeft: number
  decisions: { kind: string; outcome: string; hits: DecisionHit[] }[]
}

/** Who may do what with quotes; mirrors the server's @Allow (the server decides). */
export const QUOTE_READERS = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
export const QUOTE_WRITERS = ['SALESPERSON', 'BUSINESS_MANAGER']
export const REQUEST_ANSWERERS = ['FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']

export const money = (v: number | string | null | undefined) => formatMoney(v)
export const percent = (v: number | null | undefined, digits = 2) => (v == null ? '—' : `${(Number(v) * 100).toFixed(digits)}%`)
