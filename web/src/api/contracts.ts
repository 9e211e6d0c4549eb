import { api, download, send } from './http'
import type { Draft, Schemas, Wire } from './schema'

/** ORD-8b: order status for customers (public page) and the service desk; ORD-9 contracts. */
export type PublicState = Schemas['OrderStatusViewPublic']['state'] & string
export type WarehouseStage = Schemas['OrderStatusViewPublic']['warehouseStage'] & string
export type ContractRecordKind = Schemas['ContractViewRecord']['kind'] & string

export type PublicOrderStatus = Wire<Schemas['OrderStatusViewPublic'], 'expectedShipment' | 'shipBy' | 'shippedAt' | 'deliveredAt'>

/** No account needed: the order number and the phone given with the order (or of the customer's contacts). */
export function lookUpOrderStatus(number: string, phone: string) {
  return api.post<PublicOrderStatus>('/api/public/order-status', { number, phone }, { quiet: true })
}

export type ContractSummary = Wire<Schemas['ContractViewSummary']>

export type ContractRecord = Wire<Schemas['ContractViewRecord']>

export type LinkedOrder = Wire<Schemas['ContractViewLinkedOrder']>

export type ContractDetail = Wire<
  Schemas['ContractViewDetail'],
  never,
  { contract: ContractSummary; records: ContractRecord[]; orders: LinkedOrder[] }
>

export type ContractFilter = Schemas['ContractInputFilter']

export type NewContract = Draft<Schemas['ContractInputNew']>

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
export type AgentOrderView = Wire<
  Schemas['OrderStatusViewAgent'],
  'expectedShipment' | 'shipBy' | 'shippedAt' | 'deliveredAt' | 'carrier'
>

export function serviceOrders(query: { customerId?: number | null; phone?: string }) {
  return api.get<AgentOrderView[]>('/api/service/orders', { customerId: query.customerId ?? undefined, phone: query.phone })
}
