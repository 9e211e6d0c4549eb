import { expect, test, type Page } from '@playwright/test'
import { E2E_USER, loginOk, logout, pickCity, shot } from './helpers'

const PASSWORD = 'Yewu@2026'
/** Demo salespeople: display name → login. */
const SALES: Record<string, string> = { 张伟: 'sales1', 刘洋: 'sales2', 陈静: 'sales3', 杨帆: 'sales4' }

interface Login {
  username: string
  password: string
}

/**
 * The login of a salesperson the distribution may pick. Fair distribution favours whoever received the fewest leads,
 * so on a database that admin-user.spec has already run against, the pick may be a salesperson that test created.
 */
function loginOf(displayName: string): Login | undefined {
  if (SALES[displayName]) return { username: SALES[displayName], password: PASSWORD }
  const created = /^测试业务员 (e2e\d+)$/.exec(displayName)
  return created ? { username: created[1], password: E2E_USER.password } : undefined
}

async function as(page: Page, user: string | Login) {
  const { username, password } = typeof user === 'string' ? { username: user, password: PASSWORD } : user
  if (await page.locator('[data-test=logout]').isVisible()) await logout(page)
  await loginOk(page, username, password)
}

async function fileCustomer(page: Page, name: string) {
  await page.goto('/customers/new')
  await page.locator('[data-test=customer-name]').fill(name)
  await pickCity(page, 'customer-city', ['浙江省', '杭州市'])
  await page.locator('[data-test=contact-name]').first().fill('测试联系人')
}

test('a lead goes from entry through fair distribution to follow-up; a colliding filing becomes a claim and a decided dispute', async ({ page }) => {
  test.setTimeout(180_000)
  const ts = Date.now()
  const leadName = `E2E线索${ts}`
  const phone = `139${String(ts).slice(-8)}`
  const collision = `碰撞测试${ts}`

  // 1. The network-promotion specialist enters a lead; it stays listed under the form.
  await as(page, 'promoter')
  await page.locator('[data-test=menu-lead-entry]').click()
  await expect(page).toHaveURL(/\/leads\/new/)
  await page.locator('[data-test=lead-name]').fill(leadName)
  await pickCity(page, 'lead-city', ['上海市', '上海市'])
  await page.locator('[data-test=lead-contact-name]').fill('王先生')
  await page.locator('[data-test=lead-phone]').fill(phone)
  await page.locator('[data-test=lead-product-category]').click()
  await page.locator('[data-test="lead-category-饮料"]').click()
  await shot(page, 'cus-01-lead-form')
  await page.locator('[data-test=lead-save]').click()
  await expect(page.locator('[data-test=lead-today-name]', { hasText: leadName })).toBeVisible()
  await expect(page.locator('[data-test=lead-name]')).toHaveValue('')
  await shot(page, 'cus-02-lead-entered')

  // 2. The manager sees it in the pool with its suggested ranking and accepts the suggestion.
  await as(page, 'manager')
  await page.locator('[data-test=menu-lead-pool]').click()
  const row = page.locator('[data-test=pool-table] tr', { hasText: leadName })
  await expect(row).toBeVisible()
  await expect(row.locator('[data-test=ranking-name]').first()).toBeVisible()
  await row.locator('[data-test=ranking-why]').click()
  await expect(page.locator('[data-test=ranking-reasons]').filter({ visible: true })).toContainText('CUS-10')
  await shot(page, 'cus-03-pool-ranking')
  await page.keyboard.press('Escape')
  await row.locator('.el-checkbox').click()
  await page.locator('[data-test=pool-accept]').click()
  const line = page.locator('[data-test=distribute-line]', { hasText: leadName })
  await expect(line).toBeVisible()
  const assigneeName = (await line.locator('[data-test=distribute-user]').innerText()).trim()
  const assignee = loginOf(assigneeName)!
  expect(assignee, `assigned to a demo or test-created salesperson, got ${assigneeName}`).toBeTruthy()
  await shot(page, 'cus-04-distributed')

  // 3. The assignee finds the customer in their list and logs a follow-up.
  await as(page, assignee)
  await page.goto(`/customers?q=${encodeURIComponent(leadName)}`)
  await page.locator('[data-test=customer-row-name]', { hasText: leadName }).click()
  await expect(page.locator('[data-test=customer-detail-name]')).toHaveText(leadName)
  await page.locator('[data-test=follow-up-open]').click()
  const dialog = page.locator('[data-test=follow-up-dialog]')
  await dialog.locator('[data-test=follow-up-kind-PHONE]').click()
  await dialog.locator('[data-test=follow-up-content]').fill('电话沟通，客户对饮料新品感兴趣')
  await dialog.locator('[data-test=follow-up-next-step]').fill('寄送样品')
  await shot(page, 'cus-05-follow-up-dialog')
  await dialog.locator('[data-test=follow-up-save]').click()
  await expect(dialog).toBeHidden()
  await page.locator('[data-test=customer-tabs] .el-tabs__item', { hasText: '跟进记录' }).click()
  await expect(page.locator('[data-test=follow-up-row-content]', { hasText: '饮料新品' })).toBeVisible()
  await shot(page, 'cus-06-follow-up-logged')
  // CUS-3: distribution left it a lead; the assignee qualifies it as an intention customer
  await expect(page.locator('[data-test=customer-detail] [data-test=stage-LEAD]').first()).toBeVisible()
  await page.locator('[data-test=customer-qualify]').click()
  await expect(page.locator('[data-test=customer-detail] [data-test=stage-INTENTION]').first()).toBeVisible()
  await expect(page.locator('[data-test=customer-qualified-by]')).toBeVisible()
  await shot(page, 'cus-06b-qualified')

  // 4. Another salesperson files "碰撞测试…" first.
  const other = assignee.username === 'sales2' ? 'sales1' : 'sales2'
  const otherName = Object.keys(SALES).find((n) => SALES[n] === other)!
  await as(page, other)
  await fileCustomer(page, collision)
  await page.locator('[data-test=customer-save]').click()
  await expect(page).toHaveURL(/\/customers\/\d+$/)
  await expect(page.locator('[data-test=customer-detail-name]')).toHaveText(collision)
  await shot(page, 'cus-07-first-filer')

  // 5. The assignee files the same name: the live check warns, and saving records a claim.
  await as(page, assignee)
  await fileCustomer(page, collision)
  await expect(page.locator('[data-test=duplicate-match]').first()).toContainText(otherName)
  await shot(page, 'cus-08-duplicate-live')
  await page.locator('[data-test=customer-save]').click()
  const exists = page.locator('[data-test=customer-exists]')
  await expect(exists).toContainText(otherName)
  await expect(page.locator('[data-test=customer-exists-claim]')).toBeVisible()
  await shot(page, 'cus-09-customer-exists')

  // 6. The assignee disputes the ownership with a statement.
  await page.locator('[data-test=customer-exists-claims-link]').click()
  await expect(page).toHaveURL(/\/claims/)
  const claimRow = page.locator('[data-test=claims-table] tr', { hasText: collision })
  await claimRow.locator('[data-test=claim-dispute]').click()
  await page.locator('[data-test=dispute-statement]').fill('该客户是我上周在展会上结识的，已有名片往来。')
  await shot(page, 'cus-10-open-dispute')
  await page.locator('[data-test=dispute-open-save]').click()
  await expect(page.locator('[data-test=disputes-table] tr', { hasText: collision })).toBeVisible()

  // 7. The manager hears both sides and keeps the first filer, with a reason.
  await as(page, 'manager')
  await page.locator('[data-test=menu-claims]').click()
  await page.locator('[data-test=disputes-table] [data-test=dispute-row]', { hasText: collision }).click()
  const drawer = page.locator('[data-test=dispute-drawer]')
  await expect(drawer.locator('[data-test=dispute-statement-item]').first()).toContainText('展会')
  await drawer.locator('[data-test=decide-outcome-KEEP]').click()
  await drawer.locator('[data-test=decide-reason]').fill('先建档者负责跟踪；申诉人未能提供更早的跟进记录。')
  await shot(page, 'cus-11-decide')
  await drawer.locator('[data-test=decide-save]').click()
  await expect(drawer).toBeHidden()
  await expect(page.locator('[data-test=disputes-table] tr', { hasText: collision })).toContainText('维持原归属')
  await shot(page, 'cus-12-decided')
})
