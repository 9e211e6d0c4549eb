import { expect, test, type Page } from '@playwright/test'
import { loginOk, logout, shot } from './helpers'

/** Calls the API as the logged-in user of `page`, with the session's CSRF token. */
async function call(page: Page, method: 'post' | 'get', url: string, body?: unknown) {
  const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token
  const res = method === 'get' ? await page.request.get(url) : await page.request.post(url, { data: body, headers: { 'X-XSRF-TOKEN': token } })
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300)
  return res.json()
}

test('a new Guangzhou customer is offered pay on delivery at 1,500.00 and not at 1,499.99 (ORD-3a)', async ({ page }) => {
  const code = `E2E${Date.now() % 1_000_000}`
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await loginOk(page, 'mktdir', 'Yewu@2026')
  const product = await call(page, 'post', '/api/products', { code, name: '电缆 ' + code, kind: 'STANDARD', unit: '米' })
  const list = await call(page, 'post', '/api/price-lists', { name: '指导价 ' + code, effectiveFrom: today, lines: [{ productId: product.id, guidePrice: 100 }] })
  await call(page, 'post', `/api/price-lists/${list.list.id}/submit`, { version: list.list.version })
  await logout(page)
  await loginOk(page, 'gm', 'Yewu@2026')
  const pending = await call(page, 'get', '/api/approvals?box=pending&size=200')
  const approval = pending.items.find((a: { subjectType: string; subjectId: string }) => a.subjectType === 'price-list' && a.subjectId === String(list.list.id))
  await call(page, 'post', `/api/approvals/${approval.id}/approve`, { comment: '同意' })
  await logout(page)

  await loginOk(page, 'sales1', 'Yewu@2026')
  const name = `广州新客户${code}`
  await call(page, 'post', '/api/customers', { name, city: '广州市', address: '天河路 1 号',
    contacts: [{ name: '王经理', phone: `139${String(Date.now()).slice(-8)}`, position: '采购' }] })
  await page.goto('/orders/new')
  const customer = page.locator('[data-test=order-customer]')
  await customer.click()
  await page.keyboard.type(name)
  await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
  const lines = page.locator('[data-test=order-lines]')
  await lines.locator('.el-select').first().click()
  await page.keyboard.type(code)
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${code} 电缆` }).first().click()
  const price = lines.locator('.el-input-number').nth(1).locator('input')
  await price.fill('1499.99')
  await price.blur()
  const terms = page.locator('[data-test=order-preview]')
  await expect(terms).toContainText('款到发货')
  await shot(page, 'orders-01-1499.99-prepay')
  await price.fill('1500.00')
  await price.blur()
  await expect(terms).toContainText('货到付款')
  await shot(page, 'orders-02-1500-pay-on-delivery')
  await page.locator('[data-test=order-submit]').click()
  await expect(page.locator('[data-test=order-state]')).toContainText('已放行')
  await shot(page, 'orders-03-released')
})
