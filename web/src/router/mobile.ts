import type { RouteRecordRaw } from 'vue-router'
import type { Me } from '@/api/types'
import { isPhone, prefersDesktop } from '@/views/mobile/phone'
import { CUSTOMER_ROLES as R } from './customerRoles'

/**
 * The phone app under `/m/` (Vant): a shell with the bottom tabs 今日 (the day's visit plan), 客户 (look-up and
 * follow-ups) and 我的, and the visit page full screen. `/m/visits` stays the plan's address for old links.
 */
export const mobileRoutes: RouteRecordRaw[] = [
  {
    path: '/m',
    component: () => import('@/views/mobile/MobileShell.vue'),
    children: [
      { path: '', alias: 'visits', component: () => import('@/views/mobile/MobileVisitPlan.vue'), meta: { roles: R.mobileVisits } },
      { path: 'customers', component: () => import('@/views/mobile/MobileCustomers.vue'), meta: { roles: R.mobileVisits } },
      { path: 'customers/:id(\\d+)', component: () => import('@/views/mobile/MobileCustomer.vue'), meta: { roles: R.mobileVisits } },
      { path: 'me', component: () => import('@/views/mobile/MobileMe.vue') },
    ],
  },
  { path: '/m/visits/:id(\\d+)', component: () => import('@/views/mobile/MobileVisit.vue') },
]

/** A field person (who visits customers) opening `/` on a phone is sent to the phone app, unless they chose 电脑版. */
export function phoneHome(path: string, me: Me): string | null {
  if (path !== '/' || prefersDesktop() || !isPhone()) return null
  return me.roles.some((r) => R.mobileVisits.includes(r)) ? '/m/' : null
}
