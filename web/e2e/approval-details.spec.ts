import { expect, test, type Page } from '@playwright/test'
import { apiPost, loginOk, logout, shot } from './helpers'

/**
 * Issue 12 applied to order to cash (issue 10): the approver sees what is approved. The general manager sees a price
 * list's old and new guide price per product (PRC-2); the business manager sees a special-price line's guide price,
 * asked price, floor and commission cost (PRC-6, PRC-7) and a credit order's lines, total, terms and the customer's
 * credit figures (ORD-5b) — in words, in Chinese and in English. What the approvals need is set up through the API.
 */
const PASSWORD = 'Yewu@2026'
const get = async (page: Page, url: string) => (await page.request.get(url)).json()

async function openInInbox(page: Page, title: string) {
  await page.locator('[data-test=menu-approvals]').click()
  const row = page.locator('[data-test=approvals-table] tr', { hasText: title }).first()
  await expect(row).toBeVisible()
  await row.locator('[data-test=approval-row-title]').click()
  const drawer = page.locator('[data-test=approval-drawer]')
  await expect(drawer.locator('[data-test=approval-facts]')).toBeVisible()
  await page.waitForTimeout(400) // the drawer's entry animation
  return drawer
}

async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape')
  await expect(page.locator('[data-test=approval-drawer]')).toBeHidden()
}

async function noCodes(drawer: ReturnType<Page['locator']>) {
  const text = (await drawer.textContent()) ?? ''
  for (const code of ['CREDIT', 'SPECIAL_PRICE', 'PAY_ON_DELIVERY', 'oldGuidePrice', 'creditLimit', 'commissionCost', 'undefined', 'null']) {
    expect(text, `raw "${code}" on screen`).not.toContain(code)
  }
}

test('approvals show what is approved: price list, special price, credit order, in zh and en', async ({ page }) => {
  test.setTimeout(240_000)
  const ts = Date.now()
  const code = `AD${ts % 10_000_000}`
  const day = (plus: number) => new Date(Date.now() + 8 * 3600_000 + plus * 86_400_000).toISOString().slice(0, 10)

  // PRC-2: a guide price of 100.00 approved today, then a list raising it to 108.00 from next week
  await loginOk(page, 'mktdir', PASSWORD)
  const product = await apiPost<{ id: number }>(page, '/api/products', { code, name: `铝合金电缆${code}`, kind: 'STANDARD', unit: '米' })
  const first = await apiPost<{ list: { id: number; version: number } }>(page, '/api/price-lists', {
    name: `指导价${code}`, effectiveFrom: day(0), lines: [{ productId: product.id, guidePrice: 100 }],
  })
  await apiPost(page, `/api/price-lists/${first.list.id}/submit`, { version: first.list.version })
  await logout(page)
  await loginOk(page, 'gm', PASSWORD)
  const pending = await get(page, '/api/approvals?box=pending&size=200')
  const firstApproval = pending.items.find((a: { subjectType: string; subjectId: string }) => a.subjectType === 'price-list' && a.subjectId === String(first.list.id))
  await apiPost(page, `/api/approvals/${firstApproval.id}/approve`, { comment: '同意' })
  await logout(page)
  await loginOk(page, 'mktdir', PASSWORD)
  const raise = await apiPost<{ list: { id: number; version: number } }>(page, '/api/price-lists', {
    name: `调价${code}`, effectiveFrom: day(7), lines: [{ productId: product.id, guidePrice: 108 }],
  })
  await apiPost(page, `/api/price-lists/${raise.list.id}/submit`, { version: raise.list.version })
  await logout(page)

  await loginOk(page, 'gm', PASSWORD)
  let drawer = await openInInbox(page, `调价${code}`)
  await expect(drawer.locator('[data-test=approval-fact-changeCount]')).toHaveText('1')
  const lines = drawer.locator('[data-test=approval-lines]')
  await expect(lines).toContainText('原指导价')
  await expect(lines).toContainText('新指导价')
  await expect(lines.locator('tr', { hasText: `铝合金电缆${code}` })).toContainText('100.00')
  await expect(lines.locator('tr', { hasText: `铝合金电缆${code}` })).toContainText('108.00')
  await noCodes(drawer)
  await shot(page, 'approval-details-price-list-zh')
  await closeDrawer(page)
  await page.locator('[data-test=locale-switch]').click()
  drawer = await openInInbox(page, `调价${code}`)
  await expect(drawer.locator('[data-test=approval-lines]')).toContainText('Old guide price')
  await expect(drawer.locator('[data-test=approval-facts]')).toContainText('Prices changed')
  await noCodes(drawer)
  await shot(page, 'approval-details-price-list-en')
  await closeDrawer(page)
  await page.locator('[data-test=locale-switch]').click()
  await logout(page)

  // a credit customer (CUS-15: manager, then finance)
  await loginOk(page, 'sales1', PASSWORD)
  const customerName = `帐期客户${code}`
  const customer = await apiPost<{ id: number }>(page, '/api/customers', {
    name: customerName, city: '上海市', address: '南京路 2 号',
    contacts: [{ name: '王经理', phone: `137${String(ts).slice(-8)}`, position: '采购' }],
  })
  const change = await apiPost<{ id: number }>(page, `/api/customers/${customer.id}/change-requests`, {
    changes: { creditTermDays: 30, creditLimit: '100000' },
    creditInvestigation: { capitalTurnover: '良好', paymentHistory: '无拖欠', references: '供应商乙' },
  })
  await logout(page)
  for (const approver of ['manager', 'finance']) {
    await loginOk(page, approver, PASSWORD)
    const mine = await get(page, '/api/approvals?box=pending&size=200')
    const a = mine.items.find((x: { subjectType: string; subjectId: string }) => x.subjectType === 'customer-change' && x.subjectId === String(change.id))
    await apiPost(page, `/api/approvals/${a.id}/approve`, { comment: '同意' })
    await logout(page)
  }

  // PRC-6: 95.00 against a guide price of 100.00; ORD-5b: a new credit customer's 25,000.00 order
  await loginOk(page, 'sales1', PASSWORD)
  const quote = await apiPost<{ quote: { id: number; number: string; version: number } }>(page, '/api/quotes', {
    customerId: customer.id, notes: '', lines: [{ productId: product.id, quantity: 10, unitPrice: 95 }],
  })
  await apiPost(page, `/api/quotes/${quote.quote.id}/lines/1/special-price`, { version: quote.quote.version })
  const order = await apiPost<{ order: { id: number; number: string } }>(page, '/api/orders', {
    customerId: customer.id, submit: true, lines: [{ productId: product.id, quantity: 200, unitPrice: 100 }, { productId: product.id, quantity: 50, unitPrice: 100 }],
  })
  await logout(page)

  await loginOk(page, 'manager', PASSWORD)
  drawer = await openInInbox(page, `特价申请：${quote.quote.number}`)
  await expect(drawer.locator('[data-test=approval-fact-guidePrice]')).toHaveText('100.00')
  await expect(drawer.locator('[data-test=approval-fact-askedPrice]')).toHaveText('95.00')
  await expect(drawer.locator('[data-test=approval-fact-floorPrice]')).toHaveText('90.00')
  await expect(drawer.locator('[data-test=approval-fact-commissionCost]')).toHaveText('4.75')
  await expect(drawer.locator('[data-test=approval-facts]')).toContainText('底价')
  await expect(drawer.locator('[data-test=approval-record-link]')).toBeVisible()
  await noCodes(drawer)
  await shot(page, 'approval-details-special-price-zh')
  await closeDrawer(page)

  drawer = await openInInbox(page, order.order.number)
  await expect(drawer.locator('[data-test=approval-fact-total]')).toHaveText('25000.00')
  await expect(drawer.locator('[data-test=approval-fact-paymentMode]')).toHaveText('帐期')
  await expect(drawer.locator('[data-test=approval-fact-creditLimit]')).toHaveText('100000.00')
  await expect(drawer.locator('[data-test=approval-lines] tbody tr')).toHaveCount(2)
  await expect(drawer).toContainText('业务经理')
  await noCodes(drawer)
  await shot(page, 'approval-details-order-zh')
  await closeDrawer(page)

  await page.locator('[data-test=locale-switch]').click()
  drawer = await openInInbox(page, order.order.number)
  await expect(drawer.locator('[data-test=approval-fact-paymentMode]')).toHaveText('Credit')
  await expect(drawer.locator('[data-test=approval-facts]')).toContainText('Credit limit')
  await expect(drawer.locator('[data-test=approval-lines]')).toContainText('Unit price')
  await noCodes(drawer)
  await shot(page, 'approval-details-order-en')
  await closeDrawer(page)
  drawer = await openInInbox(page, quote.quote.number)
  await expect(drawer.locator('[data-test=approval-facts]')).toContainText('Commission given up')
  await noCodes(drawer)
  await shot(page, 'approval-details-special-price-en')
  await closeDrawer(page)
  await page.locator('[data-test=locale-switch]').click()
})
