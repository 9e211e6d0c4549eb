import { createRouter, createWebHistory, loadRouteLocation, type RouteRecordRaw } from 'vue-router'
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
  }
}

const admin = { roles: ['ADMIN'] }
/**
 * Tickets travel by first-ask responsibility to any colleague or department (SVC-2), so every staff role may open
 * one it was handed (a notification links to it); a retailer is outside the company and never does.
 */
const TICKET_ROLES = [
  'SALESPERSON', 'NETWORK_PROMOTER', 'BUSINESS_MANAGER', 'GENERAL_MANAGER', 'FINANCE', 'CASHIER', 'FINANCE_DIRECTOR',
  'ADMINISTRATION', ...SERVICE_DESK, 'MARKETING_DIRECTOR', 'MARKET_MANAGER', 'ACCOUNT_MANAGER', 'WAREHOUSE', 'ADMIN',
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
    children: [
      { path: '', component: () => import('@/views/HomeView.vue') },
      { path: 'notifications', component: () => import('@/views/NotificationsView.vue') },
      { path: 'approvals', component: () => import('@/views/ApprovalsView.vue') },
      { path: 'customers', component: () => import('@/views/customers/CustomerListView.vue'), meta: { roles: R.customers } },
      { path: 'customers/new', component: () => import('@/views/customers/CustomerNewView.vue'), meta: { roles: R.customers } },
      { path: 'customers/:id(\\d+)', component: () => import('@/views/customers/CustomerDetailView.vue'), meta: { roles: R.customers } },
      { path: 'leads/new', component: () => import('@/views/leads/LeadEntryView.vue'), meta: { roles: R.leadEntry } },
      { path: 'leads/pool', component: () => import('@/views/leads/LeadPoolView.vue'), meta: { roles: R.leadPool } },
      { path: 'leads/report', component: () => import('@/views/leads/DistributionReportView.vue'), meta: { roles: R.leadReport } },
      { path: 'claims', component: () => import('@/views/claims/ClaimsView.vue'), meta: { roles: R.claims } },
      { path: 'follow-ups', component: () => import('@/views/customers/FollowUpsDueView.vue'), meta: { roles: R.followUps } },
      { path: 'sales-profiles', component: () => import('@/views/leads/SalesProfilesView.vue'), meta: { roles: R.salesProfiles } },
      { path: 'quotes', component: () => import('@/views/quotes/QuoteListView.vue'), meta: { roles: QUOTE_READERS } },
      { path: 'quotes/new', component: () => import('@/views/quotes/QuoteBuilderView.vue'), meta: { roles: QUOTE_WRITERS } },
      { path: 'quotes/:id(\\d+)', component: () => import('@/views/quotes/QuoteDetailView.vue'), meta: { roles: QUOTE_READERS } },
      { path: 'quotes/:id(\\d+)/revise', component: () => import('@/views/quotes/QuoteBuilderView.vue'), meta: { roles: QUOTE_WRITERS } },
      { path: 'price-lists', component: () => import('@/views/pricing/PriceListsView.vue'), meta: { roles: PRICE_LIST_READERS } },
      { path: 'quote-requests', component: () => import('@/views/quotes/QuoteRequestsView.vue'), meta: { roles: REQUEST_READERS } },
      { path: 'routes', component: () => import('@/views/visits/RoutesView.vue'), meta: { roles: R.routes } },
      { path: 'visits/completion', component: () => import('@/views/visits/VisitCompletionView.vue'), meta: { roles: R.visitCompletion } },
      { path: 'visits/locations', component: () => import('@/views/visits/LocationProposalsView.vue'), meta: { roles: R.locationProposals } },
      { path: 'visits/market-info', component: () => import('@/views/visits/MarketInfoView.vue'), meta: { roles: R.marketInfo } },
      { path: 'contracts', component: () => import('@/views/contracts/ContractListView.vue'), meta: { roles: CONTRACT_READERS } },
      { path: 'contracts/:id(\\d+)', component: () => import('@/views/contracts/ContractDetailView.vue'), meta: { roles: CONTRACT_READERS } },
      { path: 'service/orders', component: () => import('@/views/orders/ServiceOrdersView.vue'), meta: { roles: SERVICE_DESK } },
      { path: 'receipts', component: () => import('@/views/settlement/ReceiptsView.vue'), meta: { roles: S.receipts } },
      { path: 'invoices', component: () => import('@/views/settlement/InvoicesView.vue'), meta: { roles: S.invoices } },
      { path: 'refunds', component: () => import('@/views/settlement/RefundsView.vue'), meta: { roles: S.refunds } },
      { path: 'receivables', component: () => import('@/views/settlement/ReceivablesView.vue'), meta: { roles: S.receivables } },
      { path: 'commission', component: () => import('@/views/settlement/CommissionView.vue'), meta: { roles: S.commission } },
      { path: 'orders', component: () => import('@/views/orders/OrderListView.vue'), meta: { roles: ORDER_READERS } },
      { path: 'orders/new', component: () => import('@/views/orders/OrderFormView.vue'), meta: { roles: ORDER_WRITERS } },
      { path: 'orders/:id(\\d+)', component: () => import('@/views/orders/OrderDetailView.vue'), meta: { roles: ORDER_READERS } },
      { path: 'warehouse', component: () => import('@/views/orders/WarehouseView.vue'), meta: { roles: WAREHOUSE_VIEW } },
      { path: 'warehouse/:id(\\d+)', redirect: '/warehouse', meta: { roles: WAREHOUSE_VIEW } },
      { path: 'tickets', component: () => import('@/views/service/TicketsView.vue'), meta: { roles: TICKET_ROLES } },
      { path: 'tickets/:id(\\d+)', component: () => import('@/views/service/TicketsView.vue'), meta: { roles: TICKET_ROLES } },
      { path: 'return-visits', component: () => import('@/views/service/ReturnVisitsView.vue'), meta: { roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
      { path: 'shift', component: () => import('@/views/service/ShiftBoardView.vue'), meta: { roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
      { path: 'return-visits/campaigns', component: () => import('@/views/service/ReturnVisitCampaignsView.vue'), meta: { roles: ['RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
      { path: 'knowledge/tests', component: () => import('@/views/service/KnowledgeTestsView.vue'), meta: { roles: SERVICE_ROLES.knowledgeTests } },
      { path: 'shift/roster', component: () => import('@/views/service/ShiftRosterView.vue'), meta: { roles: ['SHIFT_LEAD', 'SERVICE_DIRECTOR'] } },
      { path: 'knowledge', component: () => import('@/views/service/KnowledgeView.vue'), meta: { roles: SERVICE_ROLES.knowledge } },
      // the issuing department confirms a draft from its link, whatever its role (KB-2b)
      { path: 'knowledge/:id(\\d+)', component: () => import('@/views/service/KnowledgeArticlePage.vue') },
      { path: 'quality', component: () => import('@/views/service/QualityView.vue'), meta: { roles: SERVICE_ROLES.quality } },
      { path: 'quality/mine', component: () => import('@/views/service/MyQualityView.vue'), meta: { roles: SERVICE_ROLES.myQuality } },
      { path: 'service-analysis', component: () => import('@/views/service/ServiceAnalysisView.vue'), meta: { roles: SERVICE_ROLES.analysis } },
      // the Monday report's notification links here (SVC-9)
      { path: 'service/reports/:id(\\d+)', component: () => import('@/views/service/ServiceAnalysisView.vue'), meta: { roles: SERVICE_ROLES.analysis } },
      { path: 'profile', component: () => import('@/views/profile/ProfileView.vue') },
      { path: 'admin/users', component: () => import('@/views/admin/UsersView.vue'), meta: admin },
      { path: 'admin/departments', component: () => import('@/views/admin/DepartmentsView.vue'), meta: admin },
      { path: 'admin/roles', component: () => import('@/views/admin/RolesView.vue'), meta: admin },
      { path: 'admin/settings', component: () => import('@/views/admin/SettingsView.vue'), meta: admin },
      { path: 'admin/calendar', component: () => import('@/views/admin/CalendarView.vue'), meta: admin },
      { path: 'admin/audit', component: () => import('@/views/admin/AuditView.vue'), meta: admin },
      { path: 'admin/jobs', component: () => import('@/views/admin/JobsView.vue'), meta: admin },
      { path: 'forbidden', component: () => import('@/views/ForbiddenView.vue') },
      { path: ':pathMatch(.*)*', component: () => import('@/views/NotFoundView.vue') },
    ],
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
