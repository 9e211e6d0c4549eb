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
