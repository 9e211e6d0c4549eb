/** Who enters orders, who reads them, who follows the warehouse (docs/decisions/0014-orders.md), as the API allows. */
export const ORDER_WRITERS = ['SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'MARKETING_DIRECTOR']
export const ORDER_READERS = [...ORDER_WRITERS, 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
export const WAREHOUSE_VIEW = ['WAREHOUSE', 'GENERAL_MANAGER', 'BUSINESS_MANAGER', 'MARKETING_DIRECTOR']
