/** PRC-2 guide price lists as the API answers them (docs/decisions/0013-catalogue.md). */
export const PRICE_LIST_STATUSES = ['DRAFT', 'PENDING', 'APPROVED', 'REJECTED'] as const
export type PriceListStatus = (typeof PRICE_LIST_STATUSES)[number]

/** Who reads the lists (sales and finance, as /api/price-lists allows) and who imports them. */
export const PRICE_LIST_READERS = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
export const PRICE_LIST_IMPORTERS = ['MARKETING_DIRECTOR', 'GENERAL_MANAGER']

export interface PriceListSummary {
  id: number
  name: string
  effectiveFrom: string
  status: PriceListStatus
  version: number
  createdAt: string
  submittedAt: string | null
  decidedAt: string | null
  lineCount: number
}

export interface PriceList {
  list: PriceListSummary
  lines: { productId: number; productCode: string; productName: string; guidePrice: string }[]
}
