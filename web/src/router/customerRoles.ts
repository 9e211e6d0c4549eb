/** Who reaches which customers-and-leads page (menu and route guard share these lists). */
/** Mirrors the server's @Allow declarations (docs/decisions/0008-access.md); the server decides. */
const SERVICE = ['SERVICE_AGENT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR', 'RETURN_VISIT', 'QC_INSPECTOR', 'KNOWLEDGE_EDITOR']
const FINANCE = ['FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']

/** Who files customers; who writes in a file (edit, follow-ups, change requests); who sees the lead pool. */
export const FILER_ROLES = ['SALESPERSON', 'BUSINESS_MANAGER', 'ACCOUNT_MANAGER']
export const WORKER_ROLES = [...FILER_ROLES, 'GENERAL_MANAGER']
export const LEAD_HANDLER_ROLES = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR']
/** Who reads a customer's follow-ups (RoleGroup.SALES + FILERS); others are not shown the tab. */
export const FOLLOW_UP_READERS = [...LEAD_HANDLER_ROLES, 'ACCOUNT_MANAGER']

export const CUSTOMER_ROLES = {
  customers: [...LEAD_HANDLER_ROLES, 'ACCOUNT_MANAGER', 'MARKET_MANAGER', 'ADMINISTRATION', ...FINANCE, ...SERVICE],
  leadEntry: ['NETWORK_PROMOTER', 'BUSINESS_MANAGER'],
  leadPool: ['BUSINESS_MANAGER', 'GENERAL_MANAGER'],
  leadReport: ['BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR'],
  claims: ['SALESPERSON', 'BUSINESS_MANAGER', 'GENERAL_MANAGER'],
  followUps: ['SALESPERSON', 'BUSINESS_MANAGER'],
  salesProfiles: ['BUSINESS_MANAGER'],
  /** Route visits (CUS-14): keepers edit their own routes; managers read their department's. */
  routes: ['SALESPERSON', 'ACCOUNT_MANAGER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR'],
  visitCompletion: ['SALESPERSON', 'ACCOUNT_MANAGER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR'],
  marketInfo: ['BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'MARKET_MANAGER'],
  /** Managers confirm the customer locations first check-ins propose (CUS-14). */
  locationProposals: ['BUSINESS_MANAGER', 'GENERAL_MANAGER'],
  mobileVisits: ['SALESPERSON', 'ACCOUNT_MANAGER'],
}

/** Who keeps routes and visits customers (CUS-14); others only read routes in their data scope. */
export const ROUTE_KEEPER_ROLES = ['SALESPERSON', 'ACCOUNT_MANAGER']

/** Only the business manager transfers customers and decides disputes (CUS-7, CUS-8). */
export const DECIDER_ROLE = 'BUSINESS_MANAGER'
