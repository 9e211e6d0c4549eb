import { formatMoney } from '@/utils/format'
/** Who keeps contracts (ORD-9); finance reads them. Mirrors the server's @Allow; the server decides. */
export const CONTRACT_KEEPERS = ['SALESPERSON', 'BUSINESS_MANAGER', 'GENERAL_MANAGER']
export const CONTRACT_READERS = [...CONTRACT_KEEPERS, 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR']
/** The service desk (RoleGroup.SERVICE_DESK): reads a caller's order status (ORD-8b). */
export const SERVICE_DESK = ['SERVICE_AGENT', 'SHIFT_LEAD', 'QC_INSPECTOR', 'RETURN_VISIT', 'KNOWLEDGE_EDITOR', 'SERVICE_DIRECTOR']

export function money(v: number, _locale?: string): string {
  return formatMoney(v)
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
