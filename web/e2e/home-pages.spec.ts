import { devices, expect, test, type Page } from '@playwright/test'
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
  ['qc', '质检员'],
  ['editor', '采编工位'],
  ['mktdir', '营销总监'],
  ['accmgr', '客户经理'],
  ['retailer', '零售户'],
  ['office', '行政部'],
  ['warehouse', '仓库'],
  ['admin', '系统管理员'],
] as const

/** Nothing of the machine on screen: no key, no code, no empty value. */
async function speaksPlainly(page: Page) {
  const body = page.locator('body')
  await expect(body).not.toContainText('undefined')
  await expect(body).not.toContainText('null')
  await expect(body).not.toContainText('home.')
  await expect(body).not.toContainText('roles.')
  await expect(body).not.toContainText('加载失败')
}

async function english(page: Page, on: boolean) {
  const sw = page.locator('[data-test=locale-switch]')
  await expect(sw).toHaveText(on ? 'English' : '中文')
  await sw.click()
  await expect(page.locator('[data-test=menu-home]')).toContainText(on ? 'Home' : '首页')
}

test('each role opens its home page on the demo company: its day, what it can do, what is coming', async ({ page }) => {
  test.setTimeout(ROLES.length * 30_000)
  for (const [username, role] of ROLES) {
    await loginOk(page, username, 'Yewu@2026')
    await expect(page.locator('[data-test=home-role]', { hasText: role }).first()).toBeVisible()
    await expect(page.locator('[data-test=home-card-approvals] [data-test=home-card-value]')).toHaveText(/^\d+$/)
    // every role sees either a section of its own or the list of what it can do, and what is coming in words
    await expect(page.locator('[data-test=home-sales], [data-test=home-team], [data-test=home-admin], [data-test=home-desk] .el-card').first()).toBeVisible()
    if (!['admin'].includes(username)) await expect(page.locator('[data-test=home-coming]')).toBeVisible()
    await expect(page.locator('[data-test=home-desk] [data-test=home-card-value]', { hasText: '…' })).toHaveCount(0)
    await speaksPlainly(page)
    await shot(page, `home-${username}-zh`)
    await english(page, true)
    await expect(page.locator('[data-test=home-desk] [data-test=home-card-value]', { hasText: '…' })).toHaveCount(0)
    await speaksPlainly(page)
    await shot(page, `home-${username}-en`)
    await english(page, false)
    await logout(page)
  }
})

test('sales1 sees the follow-ups due, new leads with deadlines and the TEAM-2 goals with progress', async ({ page }) => {
  await loginOk(page, 'sales1', 'Yewu@2026')
  // demo data: each salesperson has follow-ups due today and overdue ones
  const due = page.locator('[data-test=home-card-follow-ups]')
  await expect(due.locator('[data-test=home-card-value]')).toHaveText(/^[1-9]\d*$/)
  await expect(due).toContainText('今日到期')
  await expect(page.locator('[data-test=home-due-list] .el-table__row').first()).toBeVisible()
  await expect(page.locator('[data-test=home-goals]')).toContainText('新增意向客户')
  await expect(page.locator('[data-test=home-goals]')).toContainText('客户见面')
  await expect(page.locator('[data-test=home-card-visits]')).toContainText('今日拜访')
  await page.locator('[data-test=home-activity]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=home-activity] canvas')).toBeVisible()
  await page.locator('[data-test=home-period-month]').click()
  await page.locator('[data-test=home-period-lastMonth]').click()
  await page.locator('[data-test=home-activity]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=home-activity] canvas')).toBeVisible()
  await page.locator('[data-test=home-period-week]').click()
  // the menu offers only what a salesperson may use
  await expect(page.locator('[data-test=menu-admin]')).toHaveCount(0)
  await expect(page.locator('[data-test=menu-lead-pool]')).toHaveCount(0)
  await expect(page.locator('[data-test=menu-tickets]')).toHaveCount(0)
  await speaksPlainly(page)
  await shot(page, 'home-sales1-desktop-zh')

  // one click to act: the follow-ups card opens the follow-ups page
  await due.getByRole('link').click()
  await expect(page).toHaveURL(/\/follow-ups/)
  await page.locator('[data-test=menu-home]').click()

  await english(page, true)
  await expect(page.locator('[data-test=home-goals]')).toContainText('New intention customers')
  await expect(page.locator('[data-test=home-card-follow-ups]')).toContainText('due today')
  await speaksPlainly(page)
  await shot(page, 'home-sales1-desktop-en')
  await english(page, false)
})

test('a page a role may not use says 无权访问 and offers the way back', async ({ page }) => {
  await loginOk(page, 'sales1', 'Yewu@2026')
  await page.goto('/admin/users')
  await expect(page.locator('[data-test=forbidden]')).toContainText('无权访问')
  await expect(page.locator('[data-test=forbidden]')).toContainText('业务员')
  await page.locator('[data-test=forbidden-home]').click()
  await expect(page.locator('[data-test=home-greeting]')).toBeVisible()
  await logout(page)
  // the retailer has no ticket desk: the guard of /tickets refuses and says so
  await loginOk(page, 'retailer', 'Yewu@2026')
  await expect(page.locator('[data-test=home-coming]')).toContainText('自主订货')
  await expect(page.locator('[data-test=menu-customers]')).toHaveCount(0)
  await page.goto('/tickets')
  await expect(page.locator('[data-test=forbidden]')).toContainText('无权访问')
  await shot(page, 'forbidden-retailer-zh')
})

test('manager sees the pool, late first contacts by person and the team week as charts', async ({ page }) => {
  await loginOk(page, 'manager', 'Yewu@2026')
  // demo data: 15 online leads wait in the pool, 4 distributed leads are past their first-contact deadline
  await expect(page.locator('[data-test=home-card-pool] [data-test=home-card-value]')).toHaveText(/^[1-9]\d*$/)
  await expect(page.locator('[data-test=home-card-overdue] [data-test=home-card-value]')).toHaveText(/^[1-9]\d*$/)
  await expect(page.locator('[data-test=home-card-team-visits]')).toContainText('%')
  await expect(page.locator('[data-test=home-card-team-follow-ups] [data-test=home-card-value]')).toHaveText(/^[1-9]\d*$/)
  await page.locator('[data-test=home-chart-visits]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=home-chart-visits] canvas')).toBeVisible()
  await page.locator('[data-test=home-chart-overdue]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=home-chart-overdue] canvas')).toBeVisible()
  await page.locator('[data-test=home-period-lastMonth]').click()
  await page.locator('[data-test=home-chart-distribution]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=home-chart-distribution] canvas')).toBeVisible()
  await page.locator('[data-test=home-period-month]').click()
  await speaksPlainly(page)
  await shot(page, 'home-manager-desktop-zh')
  await page.locator('[data-test=home-card-pool]').getByRole('link').click()
  await expect(page).toHaveURL(/\/leads\/pool/)
  await page.locator('[data-test=menu-home]').click()
  await english(page, true)
  await expect(page.locator('[data-test=home-card-pool]')).toContainText('Leads waiting in the pool')
  await speaksPlainly(page)
  await shot(page, 'home-manager-desktop-en')
  await english(page, false)
})

test('admin sees the setup checklist, failed jobs and next year’s calendar', async ({ page }) => {
  await loginOk(page, 'admin', 'Yewu@2026')
  const checklist = page.locator('[data-test=home-checklist]')
  await expect(checklist.locator('[data-test^=home-check-]')).toHaveCount(5)
  await expect(page.locator('[data-test=home-check-users]')).toContainText('已完成')
  await expect(page.locator('[data-test=home-card-jobs] [data-test=home-card-value]')).toHaveText(/^\d+$/)
  const nextYear = new Date().getFullYear() + 1
  await expect(page.locator('[data-test=home-card-calendar]')).toContainText(`${nextYear} 年工作日历`)
  await speaksPlainly(page)
  await shot(page, 'home-admin-desktop-zh')
  await english(page, true)
  await expect(page.locator('[data-test=home-checklist]')).toContainText('Setup checklist')
  await speaksPlainly(page)
  await shot(page, 'home-admin-desktop-en')
  await english(page, false)
})

test.describe('on a phone', () => {
  test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

  test('sales1’s home fits a phone in both languages', async ({ page }) => {
    // a phone opening / gets the phone app (/m/, mobile-visit.spec.ts); this is the desktop home of someone who chose
    // 电脑版 on the phone's 我的 tab (web/src/views/mobile/phone.ts)
    await page.addInitScript(() => localStorage.setItem('yewu.desktop', '1'))
    await loginOk(page, 'sales1', 'Yewu@2026')
    await expect(page.locator('[data-test=home-card-follow-ups] [data-test=home-card-value]')).toHaveText(/^[1-9]\d*$/)
    await expect(page.locator('[data-test=home-goals]')).toBeVisible()
    await speaksPlainly(page)
    await shot(page, 'home-sales1-phone-zh')
    await english(page, true)
    await expect(page.locator('[data-test=home-goals]')).toContainText('Customer meetings')
    await shot(page, 'home-sales1-phone-en')
    await english(page, false)
  })
})
