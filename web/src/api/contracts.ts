import { api, download, send } from './http'

/** ORD-8b: order status for customers (public page) and the service desk; ORD-9 contracts. */
export type PublicState = 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED'
export type WarehouseStage = 'NOT_PRINTED' | 'PRINTED' | 'PACKED' | 'SHIPPED'
export type ContractRecordKind = 'SIGNING' | 'EXECUTION' | 'CHANGE' | 'SUPPLEMENT'

export interface PublicOrderStatus {
  number: string
  state: PublicState
  warehouseStage: WarehouseStage
  expectedShipment: string | null
  shipBy: string | null
  shippedAt: string | null
  deliveredAt: string | null
  total: number
}

/** No account needed: the order number and the phone given with the order (or of the customer's contacts). */
export function lookUpOrderStatus(number: string, phone: string) {
  return api.post<PublicOrderStatus>('/api/public/order-status', { number, phone }, { quiet: true })
}

export interface ContractSummary {
  id: number
  number: string
  customerId: number
  customerName: string
  title: string
  amount: number
  signedOn: string
  ownerId: number
  ownerName: string
  orderedTotal: number
  paidTotal: number
  orderedOverAmount: boolean
  records: number
  version: number
}

export interface ContractRecord {
  id: number
  version: number
  kind: ContractRecordKind
  recordedOn: string
  note: string
  fileName: string
  contentType: string
  sizeBytes: number
  createdByName: string
  createdAt: string
}

export interface LinkedOrder {
  id: number
  number: string
  state: string
  total: number
  paidAmount: number
  createdAt: string
}

export interface ContractDetail {
  contract: ContractSummary
  records: ContractRecord[]
  orders: LinkedOrder[]
}

export interface ContractFilter {
  q?: string
  customerId?: number
  from?: string
  to?: string
}

export interface NewContract {
  number: string
  customerId: number | null
  title: string
  amount: string
  signedOn: string
}

export const contracts = {
  get: (id: number) => api.get<ContractDetail>(`/api/contracts/${id}`),
  create: (body: NewContract) => api.create<ContractSummary>('/api/contracts', body, { expected: ['contract-number-taken'] }),
  export: (filter: ContractFilter) => download('/api/contracts/export', { ...filter }, 'contracts.xlsx'),
  link: (id: number, orderId: number) => api.post<ContractSummary>(`/api/contracts/${id}/orders`, { orderId }),
  unlink: (id: number, orderId: number) => api.del(`/api/contracts/${id}/orders/${orderId}`),
  addRecord: async (id: number, kind: ContractRecordKind, recordedOn: string, note: string, file: File) => {
    const formData = new FormData()
    formData.append('kind', kind)
    if (recordedOn) formData.append('recordedOn', recordedOn)
    formData.append('note', note)
    formData.append('file', file)
    const res = await send(`/api/contracts/${id}/records`, { method: 'POST', formData, idempotent: true })
    return (await res.json()) as ContractRecord
  },
  downloadFile: (id: number, record: ContractRecord) =>
    download(`/api/contracts/${id}/records/${record.id}/file`, {}, record.fileName),
}

/** ORD-8b: one order as the service desk sees it for a caller — no line prices, margins, fees or credit terms. */
export interface AgentOrderView {
  id: number
  number: string
  customerId: number
  customerName: string
  state: string
  customerState: PublicState
  warehouseStage: WarehouseStage
  expectedShipment: string | null
  shipBy: string | null
  shippedAt: string | null
  deliveredAt: string | null
  carrier: string
  total: number
  createdAt: string
}

export function serviceOrders(query: { customerId?: number | null; phone?: string }) {
  return api.get<AgentOrderView[]>('/api/service/orders', { customerId: query.customerId ?? undefined, phone: query.phone })
}
