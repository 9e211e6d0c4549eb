/** Who reaches which customers-and-leads page (menu and route guard share these lists). */
const SERVICE = ['SERVICE_AGENT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR', 'RETURN_VISIT', 'QC_INSPECTOR']

export const CUSTOMER_ROLES = {
  customers: ['SALESPERSON', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR', 'FINANCE', 'ACCOUNT_MANAGER', ...SERVICE],
  leadEntry: ['NETWORK_PROMOTER', 'BUSINESS_MANAGER'],
  leadPool: ['BUSINESS_MANAGER', 'GENERAL_MANAGER'],
  leadReport: ['BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR'],
  claims: ['SALESPERSON', 'BUSINESS_MANAGER'],
  followUps: ['SALESPERSON', 'BUSINESS_MANAGER'],
  salesProfiles: ['BUSINESS_MANAGER'],
}

/** Only the business manager transfers customers and decides disputes (CUS-7, CUS-8). */
export const DECIDER_ROLE = 'BUSINESS_MANAGER'
