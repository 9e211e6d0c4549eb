import { formatMoney } from '@/utils/format'
import type { DecisionHit } from './types'
import type { Schemas, Wire } from './schema'

/** Settlement (spec 03: RCV, INV, COM, ORD-8 refunds), as the server's records answer them. */
export type Method = 'BANK' | 'CASH'
export type Bucket = NonNullable<Schemas['ReceivablesAging']['bucketOrder']>[number]
export const BUCKETS: Bucket[] = ['NOT_DUE', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90']

export interface PolicyDecision<T> {
  outcome: T
  hits: DecisionHit[]
  settingsVersion: number
}

type Buckets = { buckets: Record<Bucket, number> }

export type ReceiptRow = Wire<Schemas['ReceiptsSummary'], 'creditedTo' | 'creditedToName', { method: Method }>

export type OpenOrder = Wire<Schemas['ReceiptsOpenOrder'], 'dueOn' | 'paymentMode'>

export type InvoiceRow = Wire<Schemas['InvoicesSummary'], never, { type: 'VAT_SPECIAL' | 'ORDINARY' }>

export type Invoiceable = Wire<Schemas['InvoicesInvoiceable']>

export type Accumulating = Wire<Schemas['InvoicesAccumulating']>

export type InvoicePlan = Wire<Schemas['InvoiceTypePolicyPlan']>

export type RefundRow = Wire<Schemas['RefundsRefund'], 'paidOn' | 'paidBy', { status: 'DUE' | 'PAID'; method: Method | null }>

export type SalespersonAging = Wire<Schemas['ReceivablesSalespersonAging'], never, Buckets>

export type Aging = Wire<
  Schemas['ReceivablesAging'],
  never,
  {
    total: Wire<Schemas['ReceivablesAged'], never, Buckets>
    salespeople: SalespersonAging[]
    decision: PolicyDecision<Record<Bucket, number>>
  }
>

export type CustomerAging = Wire<Schemas['ReceivablesCustomerAging'], 'ownerId' | 'ownerName', Buckets>

export type OpenReceivable = Wire<Schemas['ReceivablesOpenReceivable'], 'dueOn'>

export type Accrual = Wire<Schemas['CommissionsAccrual'], 'receiptId' | 'receiptReference', { kind: 'RECEIPT' | 'REFUND' }>

export type Statement = Wire<
  Schemas['CommissionsStatement'],
  'approvedAt' | 'approvedBy',
  { salespeople: Wire<Schemas['CommissionsSalespersonTotal']>[]; accruals: Accrual[] }
>

export type BoardLine = Wire<Schemas['MorningReceiptsPolicyBoardLine']>

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
