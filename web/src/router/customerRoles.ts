/** Who reaches which customers-and-leads page (menu and route guard share these lists). */
const SERVICE = ['SERVICE_AGENT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR', 'RETURN_VISIT', 'QC_INSPECTOR']

export const CUSTOMER_ROLES = {
  customers: ['SALESPERSON', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'ACCOUNT_MANAGER', ...SERVICE],
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
