import type { Component } from 'vue'
import { Bell, Calendar, Document, House, Key, Management, OfficeBuilding, Setting, Stamp, Tools, User } from '@element-plus/icons-vue'

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
    ],
  },
  { key: 'profile', path: '/profile', label: 'menu.profile', icon: Setting },
]

export function menuFor(roles: string[]): MenuItem[] {
  return menu.filter((m) => !m.roles || m.roles.some((r) => roles.includes(r)))
}
