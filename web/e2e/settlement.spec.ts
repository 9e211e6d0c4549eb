import { expect, test, type Page } from '@playwright/test'
import { loginOk, logout, shot } from './helpers'

/**
 * Settlement screens on the demo company (RCV-1, RCV-3, RCV-4, INV-1, COM-2, ORD-8): finance records a receipt left on
 * account, sees the aging table and chart, the invoices and refunds; the marketing director opens the commission
 * statement. Orders come from the order screens (built elsewhere), so the receipt stays on account here.
 */
const settle = (page: Page) => page.waitForTimeout(800)

test('finance records a receipt on account and reads receivables; the marketing director opens the commission statement', async ({ page }) => {
  await loginOk(page, 'finance', 'Yewu@2026')
  const customers = await (await page.request.get('/api/customers?size=1')).json()
  const customerName: string = customers.items[0].name

  await page.locator('[data-test=menu-receipts]').click()
  await expect(page.locator('[data-test=receipts-table]')).toBeVisible()
  await page.locator('[data-test=record-receipt]').click()
  const dialog = page.locator('[data-test=receipt-dialog]')
  await expect(dialog).toBeVisible()
  await dialog.locator('[data-test=customer-picker]').click()
  await page.keyboard.type(customerName)
  await page.locator('[data-test=customer-picker-option]', { hasText: customerName }).first().click()
  await dialog.locator('[data-test=receipt-amount]').fill('3000')
  // more than the customer's open orders without "leave on account": refused with the reason, nothing stored
  await dialog.locator('[data-test=save-receipt]').click()
  await expect(dialog.locator('.el-form-item__error', { hasText: '挂帐' })).toBeVisible()
  await settle(page)
  await shot(page, 'settlement-01-receipt-over-open')
  await dialog.locator('[data-test=leave-on-account]').click()
  await dialog.locator('[data-test=save-receipt]').click()
  await expect(dialog).toBeHidden()
  const row = page.locator('[data-test=receipts-table] tr', { hasText: customerName }).first()
  await expect(row).toContainText('3,000.00')
  await expect(row.locator('[data-test=match-balance]')).toBeVisible()
  await settle(page)
  await shot(page, 'settlement-02-receipt-on-account')

  await page.locator('[data-test=menu-receivables]').click()
  await expect(page.locator('[data-test=aging-table]')).toContainText('逾期90天以上')
  await page.locator('[data-test=aging-chart]').scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('[data-test=aging-chart] canvas')).toBeVisible()
  await settle(page)
  await shot(page, 'settlement-03-aging-zh')
  await page.locator('[data-test=locale-switch]').click()
  await expect(page.locator('[data-test=aging-table]')).toContainText('Over 90 days')
  await settle(page)
  await shot(page, 'settlement-04-aging-en')
  await page.locator('[data-test=locale-switch]').click()
  // each receivables list exports what it shows (RCV-3, issue 10)
  for (const button of ['aging-export', 'aging-customers-export', 'receivables-orders-export']) {
    const download = page.waitForEvent('download')
    await page.locator(`[data-test=${button}]`).click()
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
  }
  await expect(page.locator('[data-test=receivables-orders]')).toBeVisible()

  await page.locator('[data-test=menu-invoices]').click()
  await expect(page.locator('[data-test=invoices-table]')).toBeVisible()
  await page.locator('[data-test=issue-invoice]').click()
  await expect(page.locator('[data-test=invoice-dialog]')).toBeVisible()
  await shot(page, 'settlement-05-invoice-dialog')
  await page.keyboard.press('Escape')

  await page.locator('[data-test=menu-refunds]').click()
  await expect(page.locator('[data-test=refunds-table]')).toBeVisible()
  await shot(page, 'settlement-06-refunds')
  await expect(page.locator('body')).not.toContainText('undefined')
  await logout(page)

  await loginOk(page, 'mktdir', 'Yewu@2026')
  await page.locator('[data-test=menu-commission]').click()
  await expect(page.locator('[data-test=commission-state]')).toContainText('未审批')
  await expect(page.locator('[data-test=approve-commission]')).toBeVisible()
  await settle(page)
  await shot(page, 'settlement-07-commission')
  const statement = page.waitForEvent('download')
  await page.locator('[data-test=commission-export]').click()
  expect((await statement).suggestedFilename()).toMatch(/^提成明细-\d{4}-\d{2}\.xlsx$/)
  await logout(page)

  // a salesperson reads its own commission and receivables but records no receipts
  await loginOk(page, 'sales1', 'Yewu@2026')
  await expect(page.locator('[data-test=menu-commission]')).toBeVisible()
  await expect(page.locator('[data-test=menu-receipts]')).toHaveCount(0)
  await page.locator('[data-test=menu-receivables]').click()
  await expect(page.locator('[data-test=aging-table]')).toBeVisible()
  await expect(page.locator('[data-test=approve-commission]')).toHaveCount(0)
  await shot(page, 'settlement-08-sales-receivables')
})

test('a receivables list that cannot be read says so with a retry, never an empty list', async ({ page }) => {
  await loginOk(page, 'finance', 'Yewu@2026')
  const failing = async (route: import('@playwright/test').Route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: '服务暂不可用', status: 503, detail: '数据库暂不可用' }) })
  await page.route('**/api/receivables/customers?**', failing)
  await page.goto('/receivables')
  const failed = page.locator('[data-test=list-error]', { hasText: '数据库暂不可用' })
  await expect(failed).toBeVisible()
  await expect(page.locator('[data-test=aging-table]')).toContainText('合计')
  await shot(page, 'settlement-09-list-failed')
  await page.unroute('**/api/receivables/customers?**', failing)
  await failed.locator('[data-test=list-retry]').click()
  await expect(failed).toHaveCount(0)
  await expect(page.locator('[data-test=aging-customers] .el-table__row').first()).toBeVisible()
})
