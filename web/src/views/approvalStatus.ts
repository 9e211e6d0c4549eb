import type { ApprovalStatus } from '@/api/types'

const TYPES: Record<ApprovalStatus, 'warning' | 'success' | 'danger' | 'info'> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
  VOID: 'info',
  CANCELLED: 'info',
}

export const statusType = (s: ApprovalStatus) => TYPES[s] ?? 'info'
