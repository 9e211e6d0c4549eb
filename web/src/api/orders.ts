import type { Decision, DecisionHit } from './types'

/** Orders and the warehouse (spec 03 ORD-1 … ORD-8, docs/api.md "Orders and warehouse"). */

export const ORDER_STATES = ['DRAFT', 'SUBMITTED', 'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'RELEASED', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED'] as const
export type OrderState = (typeof ORDER_STATES)[number]
export const WAREHOUSE_STAGES = ['NOT_PRINTED', 'PRINTED', 'PACKED', 'SHIPPED'] as const
export type WarehouseStage = (typeof WAREHOUSE_STAGES)[number]
export type PaymentMode = 'PAY_BEFORE_SHIPMENT' | 'PAY_ON_DELIVERY' | 'CREDIT'

export interface OrderSummary {
  id: number
  number: string
  customerId: number
  customerName: string
  ownerName: string
  state: OrderState
  warehouseStage: WarehouseStage
  paymentMode: PaymentMode | null
  total: string
  paidAmount: string
  creditHold: boolean
  shipBy: string | null
  shippedLate: boolean | null
  createdAt: string
  version: number
}

export interface Order extends OrderSummary {
  channel: string
  tax: string
  depositDue: string
  approvedTotal: string | null
  approvalId: number | null
  holdReleasedAt: string | null
  holdReleaseReason: string | null
  creditTermDays: number | null
  customShipOn: string | null
  releasedAt: string | null
  shippedAt: string | null
  deliveredAt: string | null
  dueOn: string | null
  invoiceTitle: string
  deliveryWindow: string
  carrier: string
  notes: string
  shipTo: string
  contactPhone: string
  ownerId: number
  createdBy: number
}

export interface OrderLine {
  lineNo: number
  productId: number
  productCode: string
  productName: string
  productKind: string
  quantity: string
  unitPrice: string
  amount: string
  guidePrice: string | null
  verdict: string
  commissionReduction: string
  specialApprovalId: number | null
}

export interface OrderChange {
  id: number
  kind: string
  warehouseStage: string
  content: string
  changedByName: string
  changedAt: string
  /** ORD-8: when the salesperson recorded that the customer confirmed the change; null until then */
  customerConfirmedAt: string | null
}

export interface OrderDetail {
  order: Order
  lines: OrderLine[]
  decisions: Decision[]
  changes: OrderChange[]
}

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
