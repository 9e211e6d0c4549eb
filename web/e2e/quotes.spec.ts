import { expect, test, type Page } from '@playwright/test'
import { loginOk, logout, shot } from './helpers'

const PASSWORD = 'Yewu@2026'

/** Calls the API as the logged-in user of the page (session cookie and CSRF token), for the data a test needs first. */
async function post(page: Page, url: string, body: unknown) {
  const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token
  const res = await page.request.post(url, { data: body, headers: { 'X-XSRF-TOKEN': token } })
  expect(res.status(), await res.text()).toBeLessThan(300)
  return res.json()
}

test('a salesperson quotes below the guide price, sees the special price and its commission cost, and applies', async ({ page }) => {
  test.setTimeout(180_000)
  const ts = Date.now()
  const code = `E2E${ts}`
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

  // PRC-1, PRC-2: the marketing director lists a product at 100.00, the general manager approves the list
  await loginOk(page, 'mktdir', PASSWORD)
  const product = await post(page, '/api/products', { code, name: `铜芯电缆${ts}`, kind: 'STANDARD', unit: '米' })
  const list = await post(page, '/api/price-lists', { name: `指导价${ts}`, effectiveFrom: today, lines: [{ productId: product.id, guidePrice: 100 }] })
  await post(page, `/api/price-lists/${list.list.id}/submit`, { version: list.list.version })
  await logout(page)
  await loginOk(page, 'gm', PASSWORD)
  const pending = await (await page.request.get('/api/approvals?box=pending&size=200')).json()
  const approval = pending.items.find((a: { subjectType: string; subjectId: string }) => a.subjectType === 'price-list' && a.subjectId === String(list.list.id))
  await post(page, `/api/approvals/${approval.id}/approve`, { comment: '同意' })
  await logout(page)

  await loginOk(page, 'sales1', PASSWORD)
  const customerName = `报价测试客户${ts}`
  await post(page, '/api/customers', {
    name: customerName,
    city: '广州市',
    address: '天河路 1 号',
    contacts: [{ name: '王经理', phone: `137${String(ts).slice(-8)}`, position: '采购' }],
  })
  await page.locator('[data-test=menu-quotes]').click()
  await page.locator('[data-test=quote-new]').click()
  await page.locator('[data-test=customer-picker] input').fill(customerName)
  await page.locator('[data-test=customer-picker-option]', { hasText: customerName }).click()
  await page.locator('[data-test=product-picker] input').fill(code)
  await page.locator('.el-select-dropdown__item', { hasText: code }).click()
  await page.locator('[data-test=line-quantity] input').fill('10')
  await page.locator('[data-test=line-price] input').fill('95')
  await page.locator('[data-test=line-price] input').blur()
  // PRC-6: a special price, and what it costs the salesperson's commission
  await expect(page.locator('[data-test=line-verdict]')).toContainText('特价')
  await expect(page.locator('[data-test=line-commission-cost]')).toContainText('0.50%')
  await expect(page.locator('[data-test=builder-totals]')).toContainText('950.00')
  await shot(page, 'quote-builder-special-price')
  await page.locator('[data-test=builder-save]').click()

  await expect(page.locator('[data-test=quote-blocked]')).toBeVisible()
  await expect(page.locator('[data-test=quote-total]')).toContainText('950.00')
  await page.locator('[data-test=quote-apply-special]').click()
  await expect(page.locator('[data-test=quote-lines]')).toContainText('审批中')
  await shot(page, 'quote-special-price-applied')
})
