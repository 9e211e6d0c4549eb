import { expect, test } from '@playwright/test'
import { apiPost, loginOk, shot } from './helpers'

// ORD-9: a salesperson keeps a contract (购销合同) and its signing record with the file.
// ORD-8b: a customer opens the public order-status page without an account.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'ascii')

test('ORD-9: a contract with its signing record, versioned, the file downloadable', async ({ page }) => {
  await loginOk(page, 'sales1', 'Yewu@2026')
  const customers = (await (await page.request.get('/api/customers?size=1')).json()) as { items: { id: number; name: string }[] }
  expect(customers.items.length, 'the demo company gives sales1 customers').toBeGreaterThan(0)
  const number = `HT-E2E-${Date.now()}`
  const made = await apiPost<{ id: number }>(page, '/api/contracts', {
    number, customerId: customers.items[0].id, title: '电缆年度购销合同', amount: '120000.00', signedOn: '2026-11-20',
  })

  await page.goto('/contracts')
  await page.locator('[data-test=contracts-filter-q]').fill(number)
  await page.locator('[data-test=contracts-search]').click()
  await expect(page.locator('[data-test=contract-link]')).toHaveText(number)
  await shot(page, 'contracts-list')
  await page.locator('[data-test=contract-link]').click()
  await expect(page).toHaveURL(new RegExp(`/contracts/${made.id}$`))
  await expect(page.locator('[data-test=contract-head]')).toContainText('电缆年度购销合同')

  await page.locator('[data-test=contract-record-file] input[type=file]').setInputFiles({
    name: '合同正本.pdf', mimeType: 'application/pdf', buffer: PDF,
  })
  await page.locator('[data-test=contract-record-save]').click()
  const rows = page.locator('[data-test=contract-records] .el-table__body tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('签订')
  await expect(rows.first()).toContainText('合同正本.pdf')
  await shot(page, 'contract-detail')

  const download = page.waitForEvent('download')
  await page.locator('[data-test=contract-file]').click()
  expect((await download).suggestedFilename()).toBe('合同正本.pdf')
})

test('ORD-8b: the public status page answers without an account, in Chinese first and in English', async ({ page }) => {
  await page.goto('/status')
  await expect(page.locator('[data-test=status-form]')).toBeVisible()
  await page.locator('[data-test=status-number]').fill('SO20991231-0001')
  await page.locator('[data-test=status-phone]').fill('138 0013 8000')
  await page.locator('[data-test=status-submit]').click()
  await expect(page.locator('[data-test=status-error]')).toContainText('未找到该订单')
  await shot(page, 'order-status-not-found-zh')
  await page.locator('[data-test=locale-switch]').click()
  await page.locator('[data-test=status-submit]').click()
  await expect(page.locator('[data-test=status-error]')).toContainText('No such order')
  await shot(page, 'order-status-not-found-en')
})

test('ORD-8b: the service agent looks up a caller’s orders by phone, read-only', async ({ page }) => {
  await loginOk(page, 'agent1', 'Yewu@2026')
  await page.goto('/service/orders')
  await page.locator('[data-test=service-orders-search]').click()
  await expect(page.locator('.el-form-item__error')).toContainText('请填写客户或电话')
  await page.locator('[data-test=service-orders-phone]').fill('+86 139 0000 0000')
  await page.locator('[data-test=service-orders-search]').click()
  await expect(page.locator('[data-test=service-orders-table]')).toContainText('没有找到该客户的订单')
  await shot(page, 'service-orders')
})
