/**
 * What the roles without a dedicated home section can act on today: one card per list that exists, counted from
 * that list's own endpoint (the same data scope as the page it links to). A card without `url` is a link only.
 */
export interface DeskCard {
  key: string
  roles: string[]
  url?: string
  query?: (today: string) => Record<string, string | number | boolean>
  to?: string
  hint?: string
}

const FINANCE = ['FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']

export const DESK_CARDS: DeskCard[] = [
  { key: 'receivables', roles: FINANCE, url: '/api/receivables/orders', to: '/receivables' },
  { key: 'invoices', roles: FINANCE, url: '/api/invoices', to: '/invoices' },
  { key: 'receipts', roles: FINANCE, url: '/api/receipts', query: (today) => ({ from: `${today.slice(0, 8)}01`, to: today }), to: '/receipts' },
  { key: 'refunds', roles: FINANCE, url: '/api/refunds', to: '/refunds' },
  { key: 'orders', roles: [...FINANCE, 'MARKETING_DIRECTOR'], url: '/api/orders', to: '/orders' },
  { key: 'warehouseToPrint', roles: ['WAREHOUSE'], url: '/api/warehouse/orders', query: () => ({ stage: 'NOT_PRINTED' }), to: '/warehouse' },
  { key: 'warehouseLate', roles: ['WAREHOUSE', 'MARKETING_DIRECTOR'], url: '/api/warehouse/orders', query: () => ({ late: true }), to: '/warehouse' },
  { key: 'myTickets', roles: ['SERVICE_AGENT'], url: '/api/tickets/mine', to: '/tickets' },
  { key: 'ticketsInScope', roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR', 'RETURN_VISIT', 'QC_INSPECTOR', 'MARKETING_DIRECTOR'], url: '/api/tickets', to: '/tickets' },
  { key: 'shiftInbox', roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'], url: '/api/shift/inbox', to: '/shift' },
  { key: 'returnVisits', roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'], url: '/api/return-visits', to: '/return-visits' },
  { key: 'qcSamples', roles: ['QC_INSPECTOR'], url: '/api/qc/samples', query: () => ({ scored: false }), to: '/quality' },
  { key: 'kbArticles', roles: ['KNOWLEDGE_EDITOR'], url: '/api/kb/articles', to: '/knowledge' },
  { key: 'myQuality', roles: ['SERVICE_AGENT'], to: '/quality/mine' },
  { key: 'serviceAnalysis', roles: ['SERVICE_DIRECTOR', 'SHIFT_LEAD'], to: '/service-analysis' },
  { key: 'leadsToday', roles: ['NETWORK_PROMOTER'], url: '/api/leads/today', to: '/leads/new' },
  { key: 'customers', roles: ['ADMINISTRATION', 'MARKET_MANAGER', 'NETWORK_PROMOTER'], url: '/api/customers', to: '/customers' },
  { key: 'marketInfo', roles: ['MARKETING_DIRECTOR', 'MARKET_MANAGER'], to: '/visits/market-info' },
  { key: 'leadReport', roles: ['MARKETING_DIRECTOR'], to: '/leads/report' },
  { key: 'serviceOrders', roles: ['SERVICE_AGENT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'], to: '/service/orders' },
  { key: 'profile', roles: ['RETAILER'], to: '/profile' },
]

export function deskCardsFor(roles: string[]): DeskCard[] {
  return DESK_CARDS.filter((c) => c.roles.some((r) => roles.includes(r)))
}
