import { expect, request, test, type Page } from '@playwright/test'
import { apiPost, loginOk, pickCity, shot } from './helpers'

// CUS-14 on the desktop: a salesperson keeps a route (线路) and looks at the week's plan completion (拜访完成率).

/** A JSON PUT in the page's session. */
async function put(page: Page, url: string, body: unknown) {
  const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token
  const res = await page.request.put(url, { data: body, headers: { 'X-XSRF-TOKEN': token } })
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBeTruthy()
}

/**
 * A JSON PUT as the business manager, in a session of its own: the customer's location is one the visitor cannot
 * set (CUS-14), so the manager pins it.
 */
async function putAsManager(page: Page, url: string, body: unknown) {
  const api = await request.newContext({ baseURL: new URL(page.url()).origin })
  // the CSRF token lives in the session: asked for before login and again after it (login renews it)
  const csrf = async () => ((await (await api.get('/api/auth/csrf')).json()) as { token: string }).token
  const login = await api.post('/api/auth/login', {
    data: { username: 'manager', password: 'Yewu@2026' },
    headers: { 'X-XSRF-TOKEN': await csrf() },
  })
  expect(login.ok(), `manager login: ${login.status()}`).toBeTruthy()
  const res = await api.put(url, { data: body, headers: { 'X-XSRF-TOKEN': await csrf() } })
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBeTruthy()
  await api.dispose()
}

/** Lets dialogs and field errors finish their entry animation before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(800)

/** Sets the UI language of the logged-in user (kept on the server, so later logins see it too). */
async function setLanguage(page: Page, lang: 'zh-CN' | 'en') {
  const home = page.locator('[data-test=menu-home]')
  if (((await home.innerText()).includes('Home')) !== (lang === 'en')) {
    await page.locator('[data-test=locale-switch]').click()
    await expect(home).toContainText(lang === 'en' ? 'Home' : '首页')
  }
}

test('CUS-14: a salesperson keeps a route and sees the week plan completion', async ({ page }) => {
  const ts = Date.now()
  const customerName = `线路测试便利店${ts}`
  const routeName = `E2E 天河线 ${ts}`

  await loginOk(page, 'sales3', 'Yewu@2026')
  await setLanguage(page, 'zh-CN')
  const customer = await apiPost<{ id: number }>(page, '/api/customers', { name: customerName, city: '广州', address: '天河北路 8 号', contacts: [] })
  expect(customer.id).toBeGreaterThan(0)

  // The menu leads to the routes page.
  await expect(page.locator('[data-test=menu-mobile-visits]')).toContainText('今日拜访（手机）')
  await page.locator('[data-test=menu-routes]').click()
  await expect(page).toHaveURL(/\/routes/)
  await expect(page.locator('[data-test=routes-page]')).toBeVisible()

  // An empty form is checked on the spot, field by field.
  await page.locator('[data-test=route-create]').click()
  const dialog = page.locator('[data-test=route-dialog]')
  await expect(dialog).toBeVisible()
  await dialog.locator('[data-test=route-save]').click()
  await expect(dialog.locator('.el-form-item__error', { hasText: '必填' })).toBeVisible()
  await expect(dialog.locator('.el-form-item__error', { hasText: '请选择客户' })).toBeVisible()
  await expect(dialog.locator('.el-form-item__error', { hasText: '请至少选择一天' })).toBeVisible()
  await settle(page)
  await shot(page, 'routes-01-validation')

  // Name, the customer found by remote search, every weekday.
  await dialog.locator('[data-test=route-name]').fill(routeName)
  const stop = dialog.locator('[data-test=route-stop]').first()
  await stop.locator('[data-test=route-stop-customer]').click()
  await page.keyboard.type(customerName)
  await page.locator('[data-test=customer-picker-option]', { hasText: customerName }).click()
  for (const d of [1, 2, 3, 4, 5]) await stop.locator(`[data-test=route-stop-weekday-${d}]`).click()
  await expect(dialog.locator('.el-form-item__error')).toHaveCount(0)
  await shot(page, 'routes-02-form')
  await dialog.locator('[data-test=route-save]').click()
  await expect(dialog).toBeHidden()

  // Listed with its one stop; reopening shows the stop as saved.
  const row = page.locator('[data-test=routes-table] tr', { hasText: routeName })
  await expect(row).toBeVisible()
  await expect(row.locator('[data-test=route-row-stops]')).toHaveText('1')
  await shot(page, 'routes-03-list')
  await row.locator('[data-test=route-edit]').click()
  await expect(dialog.locator('[data-test=route-name]')).toHaveValue(routeName)
  await expect(dialog.locator('[data-test=route-stop-customer]')).toContainText(customerName)
  for (const d of [1, 2, 3, 4, 5]) await expect(dialog.locator(`[data-test=route-stop-weekday-${d}]`)).toHaveClass(/is-checked/)
  await expect(dialog.locator('[data-test=route-stop-weekday-6]')).not.toHaveClass(/is-checked/)
  await dialog.locator('[data-test=route-cancel]').click()
  await expect(dialog).toBeHidden()

  // The completion page: this week, sales3 listed (the route makes them a person with a plan).
  await page.locator('[data-test=menu-visit-completion]').click()
  await expect(page).toHaveURL(/\/visits\/completion/)
  await expect(page.locator('[data-test=completion-week]')).toContainText(/\d{4}-W\d{2}/)
  await expect(page.locator('[data-test=completion-person]', { hasText: '陈静' })).toBeVisible()
  await settle(page)
  await shot(page, 'routes-04-completion')
  await page.locator('[data-test=completion-prev]').click()
  await expect(page).toHaveURL(/week=\d{4}-W\d{2}/)
  await page.locator('[data-test=completion-this-week]').click()
  await expect(page).not.toHaveURL(/week=/)

  // The same pages in English.
  await setLanguage(page, 'en')
  await expect(page.locator('[data-test=menu-visit-completion]')).toContainText('Visit completion')
  await settle(page)
  await shot(page, 'routes-05-completion-en')
  await page.locator('[data-test=menu-routes]').click()
  await page.locator('[data-test=routes-table] tr', { hasText: routeName }).locator('[data-test=route-edit]').click()
  await expect(dialog).toContainText('Edit route')
  await settle(page)
  await shot(page, 'routes-06-form-en')
  await dialog.locator('[data-test=route-cancel]').click()

  // A visit checked in 3 km from the customer's confirmed location is flagged, with its decision, on the customer's visits tab.
  await putAsManager(page, `/api/customers/${customer.id}/location`, { lat: 23.1291, lng: 113.2644 })
  const visit = await apiPost<{ visit: { id: number; version: number } }>(page, '/api/visits', { customerId: customer.id })
  await put(page, `/api/visits/${visit.visit.id}`, {
    version: visit.visit.version,
    objective: '新品上柜两款',
    result: '上柜一款',
    stock: [],
    returns: [],
    competitors: [{ brand: `竞品乙${ts}`, product: '矿泉水', price: 2.5, promotion: '买二送一', display: '端架', staffChanges: '' }],
  })
  await apiPost(page, `/api/visits/${visit.visit.id}/check-in`, { lat: 23.1561, lng: 113.2644 })
  await apiPost(page, `/api/visits/${visit.visit.id}/check-out`, {})
  await page.goto(`/customers/${customer.id}`)
  await page.locator('[data-test=customer-tabs] .el-tabs__item', { hasText: 'Visits' }).click()
  const visitRow = page.locator('[data-test=customer-visits-table] tbody tr').first()
  await expect(visitRow.locator('[data-test=customer-visit-far]')).toBeVisible()
  await expect(visitRow.locator('[data-test=customer-visit-objective]')).toHaveText('新品上柜两款')
  await visitRow.locator('[data-test=decision-why]').click()
  await expect(page.locator('[data-test=decision-rule-id]').filter({ visible: true }).first()).toHaveText('CUS-14')
  await settle(page)
  await shot(page, 'routes-07-customer-visits-en')
  await page.keyboard.press('Escape')

  await setLanguage(page, 'zh-CN')
  await page.locator('[data-test=customer-tabs] .el-tabs__item', { hasText: '拜访' }).click()
  await expect(visitRow.locator('[data-test=customer-visit-far]')).toHaveText('距离较远')
  await shot(page, 'routes-08-customer-visits')
  await visitRow.locator('[data-test=customer-visit-open]').click()
  await expect(page).toHaveURL(new RegExp(`/m/visits/${visit.visit.id}$`))
  await expect(page.locator('[data-test=m-visit]')).toBeVisible()
})

test('CUS-14: a manager reads the department routes and the market information', async ({ page }) => {
  await loginOk(page, 'manager', 'Yewu@2026')
  await setLanguage(page, 'zh-CN')
  await page.locator('[data-test=menu-routes]').click()
  await expect(page.locator('[data-test=routes-page]')).toBeVisible()
  await expect(page.locator('[data-test=route-create]')).toHaveCount(0)
  const row = page.locator('[data-test=routes-table] tbody tr').first()
  await expect(row).toBeVisible() // earlier runs of the salesperson tests leave routes in the department
  await row.locator('[data-test=route-view]').click()
  await expect(page.locator('[data-test=route-read-only]')).toBeVisible()
  await settle(page)
  await shot(page, 'routes-09-manager-view')
  await page.locator('[data-test=route-cancel]').click()

  await page.locator('[data-test=menu-market-info]').click()
  await expect(page.locator('[data-test=market-info-page]')).toBeVisible()
  await pickCity(page, 'market-filter-city', ['广东省', '广州市'])
  await page.locator('[data-test=market-search]').click()
  await expect(page).toHaveURL(/city=/)
  await expect(page.locator('[data-test=pager]')).toBeVisible()
  await shot(page, 'routes-10-market-info')
  const download = page.waitForEvent('download')
  await page.locator('[data-test=market-export]').click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)

  await page.locator('[data-test=menu-visit-completion]').click()
  await expect(page.locator('[data-test=completion-user]')).toBeVisible()
  await settle(page)
  await shot(page, 'routes-11-manager-completion')
  await setLanguage(page, 'en')
  await page.locator('[data-test=menu-market-info]').click()
  await shot(page, 'routes-12-market-info-en')
  await setLanguage(page, 'zh-CN')
})
