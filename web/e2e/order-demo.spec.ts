import { expect, test, type Page } from '@playwright/test'
import { loginOk, logout, shot } from './helpers'

/**
 * Decision 0025: the demo company's order to cash on a first start — each role finds work — and ORD-8's "confirmed
 * to the customer" on the order page. Needs a fresh data directory (the demo is generated once, just after the start).
 */
const PASSWORD = 'Yewu@2026'

async function waitForDemoOrders(page: Page) {
  // the catalogue and orders are written a few seconds after the start (DemoWork): wait for them to appear
  await expect.poll(async () => (await (await page.request.get('/api/orders?size=1')).json()).total ?? 0, { timeout: 120_000 })
    .toBeGreaterThan(0)
}

test('the demo: orders in every state, the change of a cancelled order confirmed to the customer, aging and the warehouse', async ({ page }) => {
  test.setTimeout(240_000)
  await loginOk(page, 'sales3', PASSWORD)
  await waitForDemoOrders(page)
  await page.locator('[data-test=menu-orders]').click()
  await page.locator('[data-test=orders-state]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '已取消' }).click()
  const row = page.locator('[data-test=orders-table] .el-table__row').first()
  await expect(row).toContainText('已取消')
  await row.click()
  await expect(page.locator('[data-test=order-state]')).toContainText('已取消')
  const changes = page.locator('[data-test=order-changes]')
  await expect(changes).toContainText('取消')
  await changes.locator('[data-test=change-confirm]').first().click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(changes.locator('[data-test=change-confirmed]').first()).toBeVisible()
  await expect(changes.locator('[data-test=change-confirm]')).toHaveCount(0)
  await shot(page, 'demo-01-change-confirmed-to-customer')
  await expect(page.locator('body')).not.toContainText('undefined')
  await logout(page)

  await loginOk(page, 'finance', PASSWORD)
  await page.goto('/receivables')
  // RCV-3: the totals row has an amount in every bucket (not due, 1–30, 31–60, 61–90, over 90) and the total
  const totals = page.locator('[data-test=aging-table] .el-table__row', { hasText: '合计' }).first()
  await expect(totals).toBeVisible()
  const cells = (await totals.locator('td').allInnerTexts()).slice(1).map((c) => c.trim())
  expect(cells).toHaveLength(6)
  for (const c of cells) expect(c, cells.join(' | ')).not.toBe('0.00')
  await shot(page, 'demo-02-aging')
  await logout(page)

  await loginOk(page, 'warehouse', PASSWORD)
  await page.locator('[data-test=menu-warehouse]').click()
  await expect(page.locator('[data-test=warehouse-table] .el-table__row')).not.toHaveCount(0)
  await shot(page, 'demo-03-warehouse')
})

test('ORD-7: the order form sets the custom lines\' ship date at creation', async ({ page }) => {
  await loginOk(page, 'sales1', PASSWORD)
  await page.goto('/orders/new')
  // the date picker's input, by its label (Element Plus keeps the data-test attribute on its popper)
  const picker = page.getByRole('combobox', { name: '定制品承诺发货日' })
  await picker.fill('2031-06-30')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue('2031-06-30')
  await shot(page, 'demo-04-order-form-custom-ship-on')
})
