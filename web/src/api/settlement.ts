import { formatMoney } from '@/utils/format'
import type { DecisionHit } from './types'

/** Settlement (spec 03: RCV, INV, COM, ORD-8 refunds), as the server's records answer them. */
export type Method = 'BANK' | 'CASH'
export type Bucket = 'NOT_DUE' | 'DAYS_1_30' | 'DAYS_31_60' | 'DAYS_61_90' | 'OVER_90'
export const BUCKETS: Bucket[] = ['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90']

export interface PolicyDecision<T> {
  outcome: T
  hits: DecisionHit[]
  settingsVersion: number
}

export interface ReceiptRow {
  id: number
  customerId: number
  customerName: string
  method: Method
  amount: number
  receivedOn: string
  reference: string
  matchedAmount: number
  onAccount: number
  creditedTo: number | null
  creditedToName: string | null
  version: number
}

export interface OpenOrder {
  id: number
  number: string
  orderDate: string
  dueOn: string | null
  state: string
  total: number
  paidAmount: number
  open: number
}

export interface InvoiceRow {
  id: number
  customerId: number
  customerName: string
  type: 'VAT_SPECIAL' | 'ORDINARY'
  number: string
  issuedOn: string
  amount: number
  tax: number
  net: number
}

export interface Invoiceable {
  id: number
  number: string
  state: string
  total: number
  invoicedAmount: number
  accumulating: number
  left: number
  allowance: boolean
}

export interface Accumulating {
  id: number
  customerId: number
  customerName: string
  orderId: number
  orderNumber: string
  amount: number
  addedAt: string
}

export interface InvoicePlan {
  type: 'VAT_SPECIAL' | 'ORDINARY' | 'ACCUMULATE'
  amount: number
}

export interface RefundRow {
  id: number
  orderId: number
  orderNumber: string
  customerName: string
  amount: number
  status: 'DUE' | 'PAID'
  createdAt: string
  paidOn: string | null
  method: Method | null
  reference: string
  version: number
}

export interface SalespersonAging {
  salespersonId: number
  salespersonName: string
  buckets: Record<Bucket, number>
  total: number
}

export interface Aging {
  today: string
  total: { buckets: Record<Bucket, number>; total: number }
  salespeople: SalespersonAging[]
  decision: PolicyDecision<Record<Bucket, number>>
}

export interface CustomerAging {
  customerId: number
  customerName: string
  ownerName: string
  buckets: Record<Bucket, number>
  total: number
}

export interface Accrual {
  id: number
  salespersonId: number
  salespersonName: string
  accruedOn: string
  receiptId: number
  receiptReference: string
  orderId: number
  orderNumber: string
  customerName: string
  lineNo: number
  share: number
  planRate: number
  reduction: number
  rate: number
  commission: number
  kind: 'RECEIPT' | 'REFUND'
}

export interface Statement {
  month: string
  locked: boolean
  approvedAt: string | null
  total: number
  salespeople: { salespersonId: number; salespersonName: string; receipts: number; commission: number; accruals: number }[]
  accruals: Accrual[]
}

export interface BoardLine {
  salespersonId: number
  name: string
  amount: number
  zh: string
  en: string
}

/** Who reaches which settlement page; mirrors the server's @Allow (the server decides). */
const FINANCE_DEPT = ['FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
const SALES = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR']
export const SETTLEMENT_ROLES = {
  receipts: FINANCE_DEPT,
  invoices: FINANCE_DEPT,
  issueInvoices: ['FINANCE', 'FINANCE_DIRECTOR'],
  refunds: FINANCE_DEPT,
  receivables: [...SALES, ...FINANCE_DEPT],
  commission: [...SALES, ...FINANCE_DEPT],
  approveCommission: ['MARKETING_DIRECTOR'],
}

/** Yuan as everywhere: ¥12,345.60 (utils/format). */
export function yuan(v: number | string | null | undefined): string {
  return formatMoney(v)
}

/** A rate as a fraction (0.0275) shown in per cent (2.75 %). */
export function percent(v: number): string {
  return `${(Number(v) * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')} %`
}

/** Today's date on this device as YYYY-MM-DD (the server checks it against Asia/Shanghai). */
export function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
