import { expect, test, type Page } from '@playwright/test'
import { apiPost, loginOk, shot } from './helpers'

/**
 * PLT-10 imports through the screens: finance uploads a small receipts file (a bad row first refuses the whole file,
 * then "import valid rows" records the good one), and the marketing director imports a guide price list that
 * appears as a draft on the price list page.
 */
const settle = (page: Page) => page.waitForTimeout(800)

async function upload(page: Page, dialog: ReturnType<Page['locator']>, name: string, csv: string) {
  await dialog.locator('[data-test=import-file] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') })
  await dialog.locator('[data-test=import-submit]').click()
}

test('finance imports receipts: a file with a bad row imports nothing, then its valid rows are recorded', async ({ page }) => {
  await loginOk(page, 'finance', 'Yewu@2026')
  const customers = await (await page.request.get('/api/customers?size=1')).json()
  const customerName: string = customers.items[0].name
  const serial = `E2E${Date.now()}`
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const csv = '客户名称,收款方式,金额,到帐日期,流水号,余额挂帐\n'
    + `${customerName},银行,1234.50,${today},${serial},是\n`
    + `没有这个客户${serial},银行,10,${today},${serial}-2,是\n`

  await page.locator('[data-test=menu-receipts]').click()
  await expect(page.locator('[data-test=receipts-table]')).toBeVisible()
  await page.locator('[data-test=receipts-import]').click()
  const dialog = page.locator('[data-test=receipts-import-dialog]')
  await expect(dialog.locator('[data-test=import-columns]')).toContainText('流水号/reference')
  await expect(dialog.locator('[data-test=import-template]')).toBeVisible()
  await upload(page, dialog, 'receipts.csv', csv)
  await expect(dialog.locator('[data-test=import-result]')).toContainText('导入 0 行，错误 1 处')
  await expect(dialog.locator('[data-test=import-errors]')).toContainText('客户不存在或不在您的数据范围内')
  await expect(dialog.locator('[data-test=import-report]')).toBeVisible()
  await settle(page)
  await shot(page, 'imports-01-receipts-row-errors')

  await dialog.locator('[data-test=import-mode-valid]').click()
  await upload(page, dialog, 'receipts.csv', csv)
  await expect(dialog.locator('[data-test=import-result]')).toContainText('导入 1 行，错误 1 处')
  await settle(page)
  await shot(page, 'imports-02-receipts-valid-rows')
  await dialog.locator('.el-dialog__headerbtn').click()
  const row = page.locator('[data-test=receipts-table] tr', { hasText: serial }).first()
  await expect(row).toContainText('1,234.50')
  await expect(row).toContainText(customerName)
  await settle(page)
  await shot(page, 'imports-03-receipt-recorded')
})

test('the marketing director imports a guide price list, which appears as a draft', async ({ page }) => {
  await loginOk(page, 'mktdir', 'Yewu@2026')
  const code = `E2E-${Date.now()}`
  await apiPost(page, '/api/products', { code, name: '导入测试电缆', kind: 'STANDARD', unit: '米' })
  const name = `导入测试价格表${Date.now()}`
  const from = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10)
  const csv = `价格表名称,生效日期,产品编码,指导价\n${name},${from},${code},188.80\n`

  await page.goto('/price-lists')
  await expect(page.locator('[data-test=price-lists-table]')).toBeVisible()
  await page.locator('[data-test=price-lists-import]').click()
  const dialog = page.locator('[data-test=price-lists-import-dialog]')
  await upload(page, dialog, 'prices.csv', csv)
  await expect(dialog.locator('[data-test=import-result]')).toContainText('导入 1 行，错误 0 处')
  await settle(page)
  await shot(page, 'imports-04-price-list-imported')
  await dialog.locator('.el-dialog__headerbtn').click()
  const row = page.locator('[data-test=price-lists-table] tr', { hasText: name }).first()
  await expect(row).toContainText('草稿')
  await row.click()
  await expect(page.locator('[data-test=price-list-lines]')).toContainText('188.80')
  await settle(page)
  await shot(page, 'imports-05-price-list-draft')
})
