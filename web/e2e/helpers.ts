import { expect, type Page } from '@playwright/test'

export const ADMIN = { username: 'admin', password: 'Yewu@2026' }
/** Salespeople created by admin-user.spec: `e2e<timestamp>`, shown as `测试业务员 e2e<timestamp>`, all with this password. */
export const E2E_USER = { password: 'Passw0rd!x', displayName: (username: string) => `测试业务员 ${username}` }
const STEPS_DIR = '../target/e2e-artifacts/steps'

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${STEPS_DIR}/${name}.png`, fullPage: true })
}

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login')
  await page.locator('[data-test=login-username]').fill(username)
  await page.locator('[data-test=login-password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

export async function loginOk(page: Page, username: string, password: string) {
  await login(page, username, password)
  await expect(page.locator('[data-test=menu-home]')).toBeVisible()
}

export async function logout(page: Page) {
  await page.locator('[data-test=logout]').click()
  await expect(page.locator('[data-test=login-form]')).toBeVisible()
}

/** A POST as the logged-in user of `page`, with the CSRF token and an Idempotency-Key, as the UI sends it. */
export async function apiPost<T>(page: Page, url: string, body: unknown): Promise<T> {
  const token = ((await (await page.request.get('/api/auth/csrf')).json()) as { token: string }).token
  const res = await page.request.post(url, {
    data: body,
    headers: { 'X-XSRF-TOKEN': token, 'Idempotency-Key': `${Date.now()}-${Math.random()}` },
  })
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBeTruthy()
  return (await res.json()) as T
}

/** Picks a city in the province → city cascader `[data-test=<testId>]`, one column per name (e.g. 广东省, 广州市). */
export async function pickCity(page: Page, testId: string, path: string[]) {
  await page.locator(`[data-test=${testId}]`).click()
  const dropdown = page.locator('.el-cascader__dropdown:visible')
  for (const [level, name] of path.entries()) {
    await dropdown.locator('.el-cascader-menu').nth(level).getByText(name, { exact: true }).click()
  }
  await expect(dropdown).toBeHidden()
}
