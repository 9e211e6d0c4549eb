import { expect, test } from '@playwright/test'
import { loginOk, logout, shot } from './helpers'

/** The demo company's first screen for each role, in Chinese and in English (evidence for the trust issue). */
const ROLES = [
  ['sales1', '业务员'],
  ['manager', '业务经理'],
  ['gm', '总经理'],
  ['promoter', '网络推广专员'],
  ['finance', '财务'],
  ['agent1', '客服业务代表'],
  ['shiftlead', '值班长'],
  ['mktdir', '营销总监'],
  ['accmgr', '客户经理'],
  ['warehouse', '仓库'],
  ['admin', '系统管理员'],
] as const

test('each role opens its home page on the demo company', async ({ page }) => {
  for (const [username, role] of ROLES) {
    await loginOk(page, username, 'Yewu@2026')
    await expect(page.locator('[data-test=home-role]', { hasText: role }).first()).toBeVisible()
    await expect(page.locator('body')).not.toContainText('undefined')
    await shot(page, `home-${username}-zh`)
    await logout(page)
  }
})
