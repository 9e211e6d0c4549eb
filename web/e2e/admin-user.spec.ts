import { expect, test } from '@playwright/test'
import { ADMIN, E2E_USER, login, loginOk, logout, shot } from './helpers'

test('administrator creates a salesperson who then signs in and switches language', async ({ page }) => {
  const username = `e2e${Date.now()}`
  const password = E2E_USER.password

  await loginOk(page, ADMIN.username, ADMIN.password)
  await expect(page.locator('[data-test=menu-admin]')).toBeVisible()
  await shot(page, '01-admin-home')

  await page.goto('/admin/users')
  await expect(page.locator('[data-test=users-table]')).toBeVisible()
  await shot(page, '02-users')

  await page.locator('[data-test=users-create]').click()
  const dialog = page.locator('[data-test=user-dialog]')
  await expect(dialog).toBeVisible()
  await dialog.locator('[data-test=user-username]').fill(username)
  await dialog.locator('[data-test=user-displayName]').fill(E2E_USER.displayName(username))
  await dialog.locator('[data-test=user-password]').fill(password)
  await dialog.locator('[data-test=user-department]').click()
  await dialog.locator('[data-test=dept-node]').filter({ hasText: /^业务一组$/ }).click()
  await dialog.locator('[data-test=user-roles]').click()
  await dialog.locator('[data-test=role-option-SALESPERSON]').click()
  await dialog.locator('[data-test=user-dialog-title]').click()
  await shot(page, '03-user-dialog')
  await dialog.locator('[data-test=user-save]').click()
  await expect(dialog).toBeHidden()

  await page.locator('[data-test=users-filter-q]').fill(username)
  await page.locator('[data-test=users-search]').click()
  await expect(page.locator('[data-test=user-row-username]', { hasText: username })).toBeVisible()
  await shot(page, '04-user-created')

  await logout(page)
  await loginOk(page, username, password)
  await expect(page.locator('[data-test=menu-home]')).toContainText('首页')
  await expect(page.locator('[data-test=menu-admin]')).toHaveCount(0)
  await expect(page.locator('[data-test=home-role]')).toContainText('业务员')
  await shot(page, '05-new-user-zh')

  await page.locator('[data-test=locale-switch]').click()
  await expect(page.locator('[data-test=menu-home]')).toContainText('Home')
  await expect(page.locator('[data-test=home-role]')).toContainText('Salesperson')
  await shot(page, '06-new-user-en')
})

test('a wrong password shows an error', async ({ page }) => {
  await login(page, ADMIN.username, 'not-the-password')
  await expect(page.locator('[data-test=login-error]')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  await shot(page, '07-wrong-password')
})
