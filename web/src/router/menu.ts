import type { Component } from 'vue'
import {
  AlarmClock,
  Coin,
  Histogram,
  Money,
  RefreshLeft,
  Tickets,
  Bell,
  Calendar,
  Connection,
  DataAnalysis,
  Document,
  DocumentCopy,
  EditPen,
  Headset,
  House,
  Iphone,
  Key,
  Location,
  Management,
  Medal,
  PieChart,
  Reading,
  MapLocation,
  Odometer,
  OfficeBuilding,
  Postcard,
  Setting,
  Share,
  Stamp,
  Timer,
  Tools,
  TrendCharts,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import { CUSTOMER_ROLES as R } from './customerRoles'
import { CONTRACT_READERS, SERVICE_DESK } from '@/views/contracts/contractWords'
import { SETTLEMENT_ROLES as S } from '@/api/settlement'
import { QUOTE_READERS, REQUEST_READERS } from './quoteRoles'
import { ORDER_READERS, WAREHOUSE_VIEW } from './orderRoles'
import { SERVICE_ROLES } from './serviceRoles'
import { PRICE_LIST_READERS } from '@/views/pricing/priceLists'

export interface MenuItem {
  key: string
  path: string
  label: string
  icon: Component
  roles?: string[]
  children?: MenuItem[]
}

export const menu: MenuItem[] = [
  { key: 'home', path: '/', label: 'menu.home', icon: House },
  { key: 'notifications', path: '/notifications', label: 'menu.notifications', icon: Bell },
  { key: 'approvals', path: '/approvals', label: 'menu.approvals', icon: Stamp },
  { key: 'orders', path: '/orders', label: 'menu.orders', icon: Document, roles: ORDER_READERS },
  { key: 'warehouse', path: '/warehouse', label: 'menu.warehouse', icon: Management, roles: WAREHOUSE_VIEW },
  { key: 'customers', path: '/customers', label: 'menu.customers', icon: Postcard, roles: R.customers },
  { key: 'lead-entry', path: '/leads/new', label: 'menu.leadEntry', icon: EditPen, roles: R.leadEntry },
  { key: 'lead-pool', path: '/leads/pool', label: 'menu.leadPool', icon: Share, roles: R.leadPool },
  { key: 'lead-report', path: '/leads/report', label: 'menu.leadReport', icon: DataAnalysis, roles: R.leadReport },
  { key: 'claims', path: '/claims', label: 'menu.claims', icon: Connection, roles: R.claims },
  { key: 'follow-ups', path: '/follow-ups', label: 'menu.followUps', icon: AlarmClock, roles: R.followUps },
  { key: 'quotes', path: '/quotes', label: 'menu.quotes', icon: DocumentCopy, roles: QUOTE_READERS },
  { key: 'price-lists', path: '/price-lists', label: 'priceLists.menu', icon: Money, roles: PRICE_LIST_READERS },
  { key: 'quote-requests', path: '/quote-requests', label: 'menu.quoteRequests', icon: Tickets, roles: REQUEST_READERS },
  { key: 'routes', path: '/routes', label: 'menu.routes', icon: MapLocation, roles: R.routes },
  { key: 'visit-completion', path: '/visits/completion', label: 'menu.visitCompletion', icon: Odometer, roles: R.visitCompletion },
  { key: 'location-proposals', path: '/visits/locations', label: 'menu.locationProposals', icon: Location, roles: R.locationProposals },
  { key: 'market-info', path: '/visits/market-info', label: 'menu.marketInfo', icon: TrendCharts, roles: R.marketInfo },
  { key: 'mobile-visits', path: '/m/visits', label: 'menu.mobileVisits', icon: Iphone, roles: R.mobileVisits },
  { key: 'contracts', path: '/contracts', label: 'menu.contracts', icon: Document, roles: CONTRACT_READERS },
  { key: 'service-orders', path: '/service/orders', label: 'menu.serviceOrders', icon: Headset, roles: SERVICE_DESK },
  { key: 'sales-profiles', path: '/sales-profiles', label: 'menu.salesProfiles', icon: UserFilled, roles: R.salesProfiles },
  // the desk and those who oversee it; anyone else handed a ticket opens it from the notification (router: TICKET_ROLES)
  { key: 'tickets', path: '/tickets', label: 'service.menu.tickets', icon: Tickets, roles: [...SERVICE_DESK, 'MARKETING_DIRECTOR', 'GENERAL_MANAGER'] },
  { key: 'return-visits', path: '/return-visits', label: 'service.menu.returnVisits', icon: AlarmClock, roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] },
  { key: 'shift', path: '/shift', label: 'service.menu.shift', icon: Odometer, roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] },
  { key: 'return-visit-campaigns', path: '/return-visits/campaigns', label: 'service.menu.campaigns', icon: AlarmClock, roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] },
  { key: 'shift-roster', path: '/shift/roster', label: 'service.menu.roster', icon: Calendar, roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] },
  { key: 'shift-roll-call', path: '/shift/roll-call', label: 'service.menu.rollCall', icon: Odometer, roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] },
  { key: 'knowledge', path: '/knowledge', label: 'service.menu.knowledge', icon: Reading, roles: SERVICE_ROLES.knowledge },
  { key: 'knowledge-tests', path: '/knowledge/tests', label: 'service.menu.kbTests', icon: Reading, roles: SERVICE_ROLES.knowledgeTests },
  { key: 'quality', path: '/quality', label: 'service.menu.quality', icon: Medal, roles: SERVICE_ROLES.quality },
  { key: 'my-quality', path: '/quality/mine', label: 'service.menu.myQuality', icon: Medal, roles: SERVICE_ROLES.myQuality },
  { key: 'service-analysis', path: '/service-analysis', label: 'service.menu.analysis', icon: PieChart, roles: SERVICE_ROLES.analysis },
  { key: 'service-quality-months', path: '/service/quality-months', label: 'service.menu.qualityMonth', icon: PieChart, roles: SERVICE_ROLES.analysis },
  { key: 'receipts', path: '/receipts', label: 'settlement.menu.receipts', icon: Money, roles: S.receipts },
  { key: 'invoices', path: '/invoices', label: 'settlement.menu.invoices', icon: Tickets, roles: S.invoices },
  { key: 'refunds', path: '/refunds', label: 'settlement.menu.refunds', icon: RefreshLeft, roles: S.refunds },
  { key: 'receivables', path: '/receivables', label: 'settlement.menu.receivables', icon: Histogram, roles: S.receivables },
  { key: 'commission', path: '/commission', label: 'settlement.menu.commission', icon: Coin, roles: S.commission },
  {
    key: 'admin',
    path: '/admin',
    label: 'menu.admin',
    icon: Tools,
    roles: ['ADMIN'],
    children: [
      { key: 'admin-users', path: '/admin/users', label: 'menu.users', icon: User },
      { key: 'admin-departments', path: '/admin/departments', label: 'menu.departments', icon: OfficeBuilding },
      { key: 'admin-roles', path: '/admin/roles', label: 'menu.roles', icon: Key },
      { key: 'admin-settings', path: '/admin/settings', label: 'menu.settings', icon: Management },
      { key: 'admin-calendar', path: '/admin/calendar', label: 'menu.calendar', icon: Calendar },
      { key: 'admin-audit', path: '/admin/audit', label: 'menu.audit', icon: Document },
      { key: 'admin-jobs', path: '/admin/jobs', label: 'menu.jobs', icon: Timer },
    ],
  },
  { key: 'profile', path: '/profile', label: 'menu.profile', icon: Setting },
]

export function menuFor(roles: string[]): MenuItem[] {
  return menu.filter((m) => !m.roles || m.roles.some((r) => roles.includes(r)))
}
