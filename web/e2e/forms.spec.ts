import { readFileSync } from 'node:fs'
import { devices, expect, test, type Page } from '@playwright/test'
import { divisions, pathOf } from '../src/components/city/divisions'
import { login, pickCity, shot } from './helpers'

// Issue #12's form items (docs/decisions/0031-city-picker-and-unsaved-forms.md): the city from China's
// administrative divisions in Chinese and in pinyin, a dirty form that asks before it is left, Monday-first date
// pickers with quick dates, and a phone app that the Content-Security-Policy does not block.
const PASSWORD = 'Yewu@2026'

/** Signs in; the first sign-in after the server started may take a while (the demo data is still being made). */
async function loginOk(page: Page, username: string, password: string) {
  await login(page, username, password)
  await expect(page.locator('[data-test=menu-home]')).toBeVisible({ timeout: 30_000 })
}

async function inLanguage(page: Page, lang: 'zh-CN' | 'en') {
  await page.addInitScript((l) => localStorage.setItem('yewu.locale', l), lang)
}

async function fileCustomer(page: Page, name: string, path: string[]) {
  await page.goto('/customers/new')
  await page.locator('[data-test=customer-name]').fill(name)
  await pickCity(page, 'customer-city', path)
  await page.locator('[data-test=contact-name]').first().fill('城市测试联系人')
  await page.locator('[data-test=contact-phone]').first().fill(`138${String(Date.now()).slice(-8)}`)
}

test('the city picker offers exactly the cities the server accepts, the demo cities among them', () => {
  // the server's list (Cities.canonical, CUS-1): a name, or a name with 市 or 地区 dropped
  const known = new Set(
    readFileSync('../src/main/resources/customer/cities.txt', 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .flatMap((l) => l.trim().split(/\s+/)),
  )
  const canonical = (c: string) => [c, c.replace(/市$/, ''), c.replace(/地区$/, '')].find((n) => known.has(n))
  const offered = divisions.flatMap((p) => p.children!.map((c) => c.value))
  expect(offered.filter((c) => !canonical(c)), 'offered but refused by the server').toEqual([])
  const reached = new Set(offered.map(canonical))
  expect([...known].filter((c) => !reached.has(c)), 'accepted by the server but not offered').toEqual([])
  expect(divisions).toHaveLength(34)
  for (const [stored, path] of [
    ['广州', ['广东省', '广州市']],
    ['佛山', ['广东省', '佛山市']],
    ['深圳', ['广东省', '深圳市']],
    ['东莞', ['广东省', '东莞市']],
    ['北京', ['北京市', '北京市']],
    ['仙桃', ['湖北省', '仙桃市']],
    ['香港', ['香港特别行政区', '香港']],
    ['阿里地区', ['西藏自治区', '阿里地区']],
  ] as const) {
    expect(pathOf(stored), stored).toEqual(path)
  }
  expect(pathOf('不存在市')).toBeNull()
})

test('a customer is filed with a city picked in Chinese; the list filter shows a stored demo city', async ({ page }) => {
  await inLanguage(page, 'zh-CN')
  await loginOk(page, 'sales1', PASSWORD)
  const zhName = `城市选择广州${Date.now()}`
  await fileCustomer(page, zhName, ['广东省', '广州市'])
  await expect(page.locator('[data-test=customer-city] input')).toHaveValue('广东省 / 广州市')
  await shot(page, 'forms-01-city-zh')
  await page.locator('[data-test=customer-save]').click()
  await expect(page).toHaveURL(/\/customers\/\d+$/)
  await expect(page.locator('[data-test=customer-detail-name]')).toHaveText(zhName)
  await expect(page.locator('[data-test=customer-info]')).toContainText('广州')

  // The list's filter shows a stored city (the demo's 佛山) in the picker, and filters by a picked one.
  await page.goto('/customers')
  await pickCity(page, 'customers-filter-city', ['广东省', '广州市'])
  await page.locator('[data-test=customers-filter-q]').fill(zhName)
  await page.locator('[data-test=customers-search]').click()
  await expect(page.locator('[data-test=customer-row-name]')).toHaveText([zhName])
  await page.goto('/customers?city=佛山')
  await expect(page.locator('[data-test=customers-filter-city] input')).toHaveValue('广东省 / 佛山市')
  await expect(page.locator('[data-test=customers-table] .el-table__row').first()).toContainText('佛山')
})

test('in English the city picker speaks pinyin; the customer keeps the city in Chinese', async ({ page: enPage }) => {
  await inLanguage(enPage, 'en')
  await loginOk(enPage, 'sales1', PASSWORD)
  const enName = `City picker Foshan ${Date.now()}`
  await enPage.goto('/customers/new')
  await enPage.locator('[data-test=customer-name]').fill(enName)
  await enPage.locator('[data-test=customer-city]').click()
  const dropdown = enPage.locator('.el-cascader__dropdown:visible')
  await expect(dropdown.locator('.el-cascader-menu').first()).toContainText('Guangdong')
  await expect(dropdown.locator('.el-cascader-menu').first()).toContainText('Shaanxi')
  await dropdown.locator('.el-cascader-menu').first().getByText('Guangdong', { exact: true }).click()
  await dropdown.locator('.el-cascader-menu').nth(1).getByText('Foshan', { exact: true }).click()
  await expect(enPage.locator('[data-test=customer-city] input')).toHaveValue('Guangdong / Foshan')
  await enPage.locator('[data-test=contact-name]').first().fill('City Test')
  await enPage.locator('[data-test=contact-phone]').first().fill(`137${String(Date.now()).slice(-8)}`)
  await shot(enPage, 'forms-02-city-en')
  await enPage.locator('[data-test=customer-save]').click()
  await expect(enPage).toHaveURL(/\/customers\/\d+$/)
  await expect(enPage.locator('[data-test=customer-detail-name]')).toHaveText(enName)
  await expect(enPage.locator('[data-test=customer-info]')).toContainText('佛山')
  await shot(enPage, 'forms-03-city-saved')
})

test('leaving a form with unsaved typing asks first; staying keeps the text, leaving goes', async ({ page }) => {
  await inLanguage(page, 'zh-CN')
  await loginOk(page, 'sales1', PASSWORD)
  await page.goto('/customers/new')
  await page.locator('[data-test=customer-name]').fill('尚未保存的客户')
  await page.locator('[data-test=menu-home]').click()
  const box = page.locator('.unsaved-guard:visible')
  await expect(box).toBeVisible()
  await expect(box).toContainText('还没有保存')
  await shot(page, 'forms-04-unsaved-asks')
  await box.getByRole('button', { name: '留下继续填写' }).click()
  await expect(box).toBeHidden()
  await expect(page).toHaveURL(/\/customers\/new$/)
  await expect(page.locator('[data-test=customer-name]')).toHaveValue('尚未保存的客户')

  // The browser's own question when the tab is closed or reloaded.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss() }))
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
})

test('leaving goes once confirmed, and an untouched form leaves without asking', async ({ page }) => {
  await inLanguage(page, 'zh-CN')
  await loginOk(page, 'sales1', PASSWORD)
  await page.goto('/customers/new')
  await page.locator('[data-test=menu-home]').click()
  await expect(page).not.toHaveURL(/\/customers\/new$/)
  await expect(page.locator('.unsaved-guard:visible')).toHaveCount(0)

  await page.goto('/customers/new')
  await page.locator('[data-test=customer-notes]').fill('写了一半')
  await page.locator('[data-test=menu-home]').click()
  await page.locator('.unsaved-guard:visible').getByRole('button', { name: '离开' }).click()
  await expect(page).not.toHaveURL(/\/customers\/new$/)
})

test('a dialog with typing asks before it closes', async ({ page }) => {
  await inLanguage(page, 'zh-CN')
  await loginOk(page, 'admin', PASSWORD)
  await page.goto('/admin/users')
  await page.locator('[data-test=users-create]').click()
  const dialog = page.locator('[data-test=user-dialog]')
  await expect(dialog).toBeVisible()
  await dialog.locator('[data-test=user-username]').fill('半途')
  await page.locator('[data-test=user-cancel]').click()
  const box = page.locator('.unsaved-guard:visible')
  await expect(box).toBeVisible()
  await box.getByRole('button', { name: '留下继续填写' }).click()
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('[data-test=user-username]')).toHaveValue('半途')
  // Esc asks once; Esc again answers that question (stay) and never stacks a second one over it
  await page.keyboard.press('Escape')
  await expect(box).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(box).toHaveCount(0)
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('[data-test=user-username]')).toHaveValue('半途')
  await dialog.locator('.el-dialog__headerbtn').click() // the dialog's own close button (before-close)
  await expect(box).toBeVisible()
  await box.getByRole('button', { name: '离开' }).click()
  await expect(dialog).toBeHidden()
})

for (const lang of ['zh-CN', 'en'] as const) {
  test(`date pickers start the week on Monday and offer tomorrow (${lang})`, async ({ page }) => {
    await inLanguage(page, lang)
    await loginOk(page, 'sales1', PASSWORD)
    await page.goto('/profile')
    await page.locator('[data-test=token-expires] input').click()
    const panel = page.locator('.el-picker-panel:visible')
    await expect(panel.locator('.el-date-table th').first()).toHaveText(lang === 'en' ? 'Mon' : '一')
    await expect(panel.locator('.el-picker-panel__shortcut')).toHaveText(
      lang === 'en' ? ['Today', 'Tomorrow', 'Next Monday'] : ['今天', '明天', '下周一'],
    )
    await shot(page, `forms-05-date-${lang}`)
    await panel.locator('.el-picker-panel__shortcut', { hasText: lang === 'en' ? 'Tomorrow' : '明天' }).click()
    // the browser runs in Asia/Shanghai (playwright.config.ts), so is "tomorrow" reckoned here
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
    await expect(page.locator('[data-test=token-expires] input')).toHaveValue(tomorrow)
  })
}

test.describe('the phone app', () => {
  test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

  test('no Content-Security-Policy violation on the phone pages, and the icon font loads', async ({ page }) => {
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript(() => {
      localStorage.setItem('yewu.locale', 'zh-CN')
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`))
    })
    await login(page, 'sales1', PASSWORD)
    await expect(page.locator('[data-test=m-shell]')).toBeVisible({ timeout: 15_000 }) // a phone lands on the phone app
    for (const path of ['/m/', '/m/customers', '/m/me']) {
      await page.goto(path)
      await expect(page.locator('[data-test=m-tabbar]')).toBeVisible()
      await page.evaluate(() => document.fonts.ready)
      // Vant's tab bar draws its icons with the icon font: it must have been fetched and used
      expect(await page.evaluate(() => document.fonts.check('16px vant-icon')), path).toBe(true)
      expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('vant-icon') && f.status === 'loaded')), path).toBe(true)
    }
    await shot(page, 'forms-06-phone-icons')
    expect(violations).toEqual([])
  })
})
