import { createRouter, createWebHistory, loadRouteLocation, type RouteMeta, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/stores/session'
import { doneProgress, startProgress } from '@/utils/progress'
import { CUSTOMER_ROLES as R } from './customerRoles'
import { CONTRACT_READERS, SERVICE_DESK } from '@/views/contracts/contractWords'
import { SETTLEMENT_ROLES as S } from '@/api/settlement'
import { QUOTE_READERS, QUOTE_WRITERS, REQUEST_READERS } from './quoteRoles'
import { ORDER_READERS, ORDER_WRITERS, WAREHOUSE_VIEW } from './orderRoles'
import { mobileRoutes, phoneHome } from './mobile'
import { SERVICE_ROLES } from './serviceRoles'
import { PRICE_LIST_READERS } from '@/views/pricing/priceLists'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: string[]
    /** The page's title (an i18n key); the layout shows it with the page's breadcrumb (docs/decisions/0032). */
    title?: string
    /** The path of the page this one belongs to (a record's list), its title the breadcrumb's middle link. */
    parent?: string
    /** The menu group the page sits in (an i18n key), a breadcrumb step without a page of its own. */
    section?: string
  }
}

/** A page in the desktop layout: it must name its title, so no page shows without one. */
type DesktopPage = RouteRecordRaw & { meta: RouteMeta & { title: string } }

const admin = { roles: ['ADMIN'] }
/**
 * Tickets travel by first-ask responsibility to any colleague or department (SVC-2), so every staff role may open
 * one it was handed (a notification links to it); a retailer is outside the company and never does.
 */
const TICKET_ROLES = [
  'SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR',
  'ADMINISTRATION', ...SERVICE_DESK, 'MARKETING_DIRECTOR', 'MARKET_MANAGER', 'ACCOUNT_MANAGER', 'WAREHOUSE', 'ADMIN',
]


const desktopPages: DesktopPage[] = [
  { path: '', component: () => import('@/views/HomeView.vue'), meta: { title: 'menu.home' } },
  { path: 'notifications', component: () => import('@/views/NotificationsView.vue'), meta: { title: 'menu.notifications' } },
  { path: 'approvals', component: () => import('@/views/ApprovalsView.vue'), meta: { title: 'menu.approvals' } },
  { path: 'customers', component: () => import('@/views/customers/CustomerListView.vue'), meta: { title: 'menu.customers', roles: R.customers } },
  { path: 'customers/new', component: () => import('@/views/customers/CustomerNewView.vue'), meta: { title: 'customers.create', parent: '/customers', roles: R.customers } },
  { path: 'customers/:id(\\d+)', component: () => import('@/views/customers/CustomerDetailView.vue'), meta: { title: 'pages.customer', parent: '/customers', roles: R.customers } },
  { path: 'leads/new', component: () => import('@/views/leads/LeadEntryView.vue'), meta: { title: 'menu.leadEntry', roles: R.leadEntry } },
  { path: 'leads/pool', component: () => import('@/views/leads/LeadPoolView.vue'), meta: { title: 'menu.leadPool', roles: R.leadPool } },
  { path: 'leads/report', component: () => import('@/views/leads/DistributionReportView.vue'), meta: { title: 'menu.leadReport', roles: R.leadReport } },
  { path: 'claims', component: () => import('@/views/claims/ClaimsView.vue'), meta: { title: 'menu.claims', roles: R.claims } },
  { path: 'follow-ups', component: () => import('@/views/customers/FollowUpsDueView.vue'), meta: { title: 'menu.followUps', roles: R.followUps } },
  { path: 'sales-profiles', component: () => import('@/views/leads/SalesProfilesView.vue'), meta: { title: 'menu.salesProfiles', roles: R.salesProfiles } },
  { path: 'quotes', component: () => import('@/views/quotes/QuoteListView.vue'), meta: { title: 'menu.quotes', roles: QUOTE_READERS } },
  { path: 'quotes/new', component: () => import('@/views/quotes/QuoteBuilderView.vue'), meta: { title: 'quotes.new', parent: '/quotes', roles: QUOTE_WRITERS } },
  { path: 'quotes/:id(\\d+)', component: () => import('@/views/quotes/QuoteDetailView.vue'), meta: { title: 'pages.quote', parent: '/quotes', roles: QUOTE_READERS } },
  { path: 'quotes/:id(\\d+)/revise', component: () => import('@/views/quotes/QuoteBuilderView.vue'), meta: { title: 'quotes.revise', parent: '/quotes', roles: QUOTE_WRITERS } },
  { path: 'price-lists', component: () => import('@/views/pricing/PriceListsView.vue'), meta: { title: 'priceLists.menu', roles: PRICE_LIST_READERS } },
  { path: 'quote-requests', component: () => import('@/views/quotes/QuoteRequestsView.vue'), meta: { title: 'menu.quoteRequests', roles: REQUEST_READERS } },
  { path: 'routes', component: () => import('@/views/visits/RoutesView.vue'), meta: { title: 'menu.routes', roles: R.routes } },
  { path: 'visits/completion', component: () => import('@/views/visits/VisitCompletionView.vue'), meta: { title: 'menu.visitCompletion', roles: R.visitCompletion } },
  { path: 'visits/locations', component: () => import('@/views/visits/LocationProposalsView.vue'), meta: { title: 'menu.locationProposals', roles: R.locationProposals } },
  { path: 'visits/market-info', component: () => import('@/views/visits/MarketInfoView.vue'), meta: { title: 'menu.marketInfo', roles: R.marketInfo } },
  { path: 'contracts', component: () => import('@/views/contracts/ContractListView.vue'), meta: { title: 'menu.contracts', roles: CONTRACT_READERS } },
  { path: 'contracts/:id(\\d+)', component: () => import('@/views/contracts/ContractDetailView.vue'), meta: { title: 'pages.contract', parent: '/contracts', roles: CONTRACT_READERS } },
  { path: 'service/orders', component: () => import('@/views/orders/ServiceOrdersView.vue'), meta: { title: 'menu.serviceOrders', roles: SERVICE_DESK } },
  { path: 'receipts', component: () => import('@/views/settlement/ReceiptsView.vue'), meta: { title: 'settlement.menu.receipts', roles: S.receipts } },
  { path: 'invoices', component: () => import('@/views/settlement/InvoicesView.vue'), meta: { title: 'settlement.menu.invoices', roles: S.invoices } },
  { path: 'refunds', component: () => import('@/views/settlement/RefundsView.vue'), meta: { title: 'settlement.menu.refunds', roles: S.refunds } },
  { path: 'receivables', component: () => import('@/views/settlement/ReceivablesView.vue'), meta: { title: 'settlement.menu.receivables', roles: S.receivables } },
  { path: 'commission', component: () => import('@/views/settlement/CommissionView.vue'), meta: { title: 'settlement.menu.commission', roles: S.commission } },
  { path: 'orders', component: () => import('@/views/orders/OrderListView.vue'), meta: { title: 'menu.orders', roles: ORDER_READERS } },
  { path: 'orders/new', component: () => import('@/views/orders/OrderFormView.vue'), meta: { title: 'orders.new', parent: '/orders', roles: ORDER_WRITERS } },
  { path: 'orders/:id(\\d+)', component: () => import('@/views/orders/OrderDetailView.vue'), meta: { title: 'pages.order', parent: '/orders', roles: ORDER_READERS } },
  { path: 'warehouse', component: () => import('@/views/orders/WarehouseView.vue'), meta: { title: 'menu.warehouse', roles: WAREHOUSE_VIEW } },
  { path: 'warehouse/:id(\\d+)', redirect: '/warehouse', meta: { title: 'menu.warehouse', roles: WAREHOUSE_VIEW } },
  { path: 'tickets', component: () => import('@/views/service/TicketsView.vue'), meta: { title: 'service.menu.tickets', roles: TICKET_ROLES } },
  { path: 'tickets/:id(\\d+)', component: () => import('@/views/service/TicketsView.vue'), meta: { title: 'pages.ticket', parent: '/tickets', roles: TICKET_ROLES } },
  { path: 'return-visits', component: () => import('@/views/service/ReturnVisitsView.vue'), meta: { title: 'service.menu.returnVisits', roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
  { path: 'shift', component: () => import('@/views/service/ShiftBoardView.vue'), meta: { title: 'service.menu.shift', roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
  { path: 'return-visits/campaigns', component: () => import('@/views/service/ReturnVisitCampaignsView.vue'), meta: { title: 'service.menu.campaigns', parent: '/return-visits', roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
  { path: 'knowledge/tests', component: () => import('@/views/service/KnowledgeTestsView.vue'), meta: { title: 'service.menu.kbTests', parent: '/knowledge', roles: SERVICE_ROLES.knowledgeTests } },
  { path: 'shift/roll-call', component: () => import('@/views/service/ShiftRollCallView.vue'), meta: { title: 'service.menu.rollCall', parent: '/shift', roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
  { path: 'service/quality-months', component: () => import('@/views/service/QualityMonthView.vue'), meta: { title: 'service.menu.qualityMonth', roles: SERVICE_ROLES.analysis } },
  { path: 'service/quality-months/:id(\\d+)', component: () => import('@/views/service/QualityMonthView.vue'), meta: { title: 'pages.qualityMonth', parent: '/service/quality-months', roles: SERVICE_ROLES.analysis } },
  { path: 'shift/roster', component: () => import('@/views/service/ShiftRosterView.vue'), meta: { title: 'service.menu.roster', parent: '/shift', roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
  { path: 'knowledge', component: () => import('@/views/service/KnowledgeView.vue'), meta: { title: 'service.menu.knowledge', roles: SERVICE_ROLES.knowledge } },
  // the issuing department confirms a draft from its link, whatever its role (KB-2b)
  { path: 'knowledge/:id(\\d+)', component: () => import('@/views/service/KnowledgeArticlePage.vue'), meta: { title: 'pages.article', parent: '/knowledge' } },
  { path: 'quality', component: () => import('@/views/service/QualityView.vue'), meta: { title: 'service.menu.quality', roles: SERVICE_ROLES.quality } },
  { path: 'quality/mine', component: () => import('@/views/service/MyQualityView.vue'), meta: { title: 'service.menu.myQuality', roles: SERVICE_ROLES.myQuality } },
  { path: 'service-analysis', component: () => import('@/views/service/ServiceAnalysisView.vue'), meta: { title: 'service.menu.analysis', roles: SERVICE_ROLES.analysis } },
  // the Monday report's notification links here (SVC-9)
  { path: 'service/reports/:id(\\d+)', component: () => import('@/views/service/ServiceAnalysisView.vue'), meta: { title: 'pages.serviceReport', parent: '/service-analysis', roles: SERVICE_ROLES.analysis } },
  { path: 'profile', component: () => import('@/views/profile/ProfileView.vue'), meta: { title: 'menu.profile' } },
  { path: 'admin/users', component: () => import('@/views/admin/UsersView.vue'), meta: { ...admin, title: 'menu.users', section: 'menu.admin' } },
  { path: 'admin/departments', component: () => import('@/views/admin/DepartmentsView.vue'), meta: { ...admin, title: 'menu.departments', section: 'menu.admin' } },
  { path: 'admin/roles', component: () => import('@/views/admin/RolesView.vue'), meta: { ...admin, title: 'menu.roles', section: 'menu.admin' } },
  { path: 'admin/settings', component: () => import('@/views/admin/SettingsView.vue'), meta: { ...admin, title: 'menu.settings', section: 'menu.admin' } },
  { path: 'admin/calendar', component: () => import('@/views/admin/CalendarView.vue'), meta: { ...admin, title: 'menu.calendar', section: 'menu.admin' } },
  { path: 'admin/audit', component: () => import('@/views/admin/AuditView.vue'), meta: { ...admin, title: 'menu.audit', section: 'menu.admin' } },
  { path: 'admin/jobs', component: () => import('@/views/admin/JobsView.vue'), meta: { ...admin, title: 'menu.jobs', section: 'menu.admin' } },
  { path: 'forbidden', component: () => import('@/views/ForbiddenView.vue'), meta: { title: 'pages.forbidden' } },
  { path: ':pathMatch(.*)*', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'pages.notFound' } },
]

// `/m/` is reserved for the mobile pages.
const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('@/views/LoginView.vue'), meta: { public: true } },
  // ORD-8b: customers look up an order without an account
  { path: '/status', component: () => import('@/views/orders/PublicOrderStatusView.vue'), meta: { public: true } },
  { path: '/ask', component: () => import('@/views/service/PublicTicketView.vue'), meta: { public: true } },
  ...mobileRoutes,
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: desktopPages,
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(() => {
  startProgress()
})
router.afterEach(doneProgress)
router.onError(doneProgress)

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  if (!session.me) {
    // fetch the page's code while the session is checked: one round trip fewer when a phone opens the app on 4G
    loadRouteLocation(to).catch(() => undefined)
    if (!(await session.load())) return { path: '/login', query: { redirect: to.fullPath } }
  }
  const phone = phoneHome(to.path, session.me!)
  if (phone) return phone
  const needed = to.meta.roles
  // a refusal says so (403 page with a way back), never a silent trip to the home page
  if (needed && !needed.some((r) => session.me!.roles.includes(r))) return { path: '/forbidden', query: { from: to.fullPath }, replace: true }
  return true
})
