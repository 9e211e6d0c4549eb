import type { Decision, DecisionHit } from './types'
import type { Schemas, Wire } from './schema'

/** Orders and the warehouse (spec 03 ORD-1 … ORD-8, docs/api.md "Orders and warehouse"). */

export const ORDER_STATES = ['DRAFT', 'SUBMITTED', 'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'RELEASED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED'] as const
export type OrderState = (typeof ORDER_STATES)[number]
export const WAREHOUSE_STAGES = ['NOT_PRINTED', 'PRINTED', 'PACKED', 'SHIPPED'] as const
export type WarehouseStage = (typeof WAREHOUSE_STAGES)[number]
export type PaymentMode = 'PAY_BEFORE_SHIPMENT' | 'PAY_ON_DELIVERY' | 'CREDIT'

/** An order in lists; states and stages are the server's enums, money is a JSON number of yuan. */
export type OrderSummary = Wire<Schemas['OrderQueriesSummary'], 'paymentMode' | 'shipBy' | 'shippedLate'>

export type Order = Wire<
  Schemas['OrderQueriesOrder'],
  | 'paymentMode' | 'shipBy' | 'shippedLate' | 'quoteId' | 'quoteVersion' | 'approvedTotal' | 'approvalId' | 'holdReleasedBy'
  | 'holdReleasedAt' | 'holdReleaseReason' | 'settingsVersion' | 'creditTermDays' | 'customShipOn' | 'releasedAt'
  | 'printedAt' | 'packedAt' | 'shippedAt' | 'deliveredAt' | 'dueOn' | 'submittedAt' | 'cancelledAt' | 'cancelReason'
>

export type OrderLine = Wire<
  Schemas['OrderQueriesLine'],
  'guidePrice' | 'priceListId' | 'feeShare' | 'feePerUnit' | 'netPrice' | 'specialDiscount' | 'specialApprovalId'
>

export type OrderChange = Wire<Schemas['OrderQueriesChange'], 'customerConfirmedAt'>

export type OrderDetail = Wire<
  Schemas['OrderQueriesDetail'],
  never,
  { order: Order; lines: OrderLine[]; decisions: Decision[]; changes: OrderChange[] }
>

export interface LineInput {
  productId: number | null
  quantity: number | null
  unitPrice: number | null
  feeShare?: number | null
}

/** A decision answered right away, its outcome still typed (not yet stored). */
export interface LiveDecision {
  outcome: unknown
  hits: DecisionHit[]
  settingsVersion: number
}

export interface PreviewLine {
  lineNo: number
  productCode: string
  productName: string
  amount: string
  verdict: string
  priceCheck: LiveDecision
}

export interface Preview {
  customerName: string
  newCustomer: boolean
  total: string
  tax: string
  lines: PreviewLine[]
  paymentMode: LiveDecision
  deposit: LiveDecision
  creditApproval: LiveDecision
  creditHold: LiveDecision
  deliveryPromise: LiveDecision
}

/** A live decision as the "why" components show stored ones. */
export function asDecision(d: LiveDecision, outcome: string): Decision {
  return { outcome, hits: d.hits, settingsVersion: d.settingsVersion }
}

/** What the warehouse sees of an order: its requirements, never its prices. */
export type WarehouseRow = Pick<Order, 'id' | 'number' | 'customerName' | 'state' | 'warehouseStage' | 'shipBy' | 'invoiceTitle'
  | 'deliveryWindow' | 'carrier' | 'notes' | 'shipTo' | 'contactPhone' | 'version'> & { late: boolean }

export interface OnTime {
  month: string
  shipments: number
  late: number
  onTimeRate: string | null
}
