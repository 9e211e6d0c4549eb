import type { Schemas, Wire } from '@/api/schema'
/** PRC-2 guide price lists as the API answers them (docs/decisions/0013-catalogue.md). */
export const PRICE_LIST_STATUSES = ['DRAFT', 'PENDING', 'APPROVED', 'REJECTED'] as const
export type PriceListStatus = (typeof PRICE_LIST_STATUSES)[number]

/** Who reads the lists (sales and finance, as /api/price-lists allows) and who imports them. */
export const PRICE_LIST_READERS = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
export const PRICE_LIST_IMPORTERS = ['MARKETING_DIRECTOR', 'GENERAL_MANAGER']

export type PriceListSummary = Wire<Schemas['PriceListsSummary'], 'submittedAt' | 'decidedAt' | 'createdBy', { status: PriceListStatus }>

export type PriceList = Wire<Schemas['PriceListsPriceList'], never, { list: PriceListSummary; lines: Wire<Schemas['PriceListsLine']>[] }>
