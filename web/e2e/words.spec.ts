import { expect, test, type Browser, type Page, type Request } from '@playwright/test'
import { bareIdsInNameSlots, routerPaths, scanText, type Finding } from './codeSweep'
import { writeFileSync } from 'node:fs'
import { loginOk } from './helpers'

/**
 * Words, not codes (issue 12): every route of the router, as every demo user whose roles may open it, in Chinese and
 * in English, must show no raw code — no i18n key, UPPER_SNAKE or camelCase token, `null`/`undefined`/`NaN`, 1970,
 * bare `#id` or id where a name belongs — and no server error. One login per user; the language is switched with
 * the UI's own switch (stored on the server); routes are changed in the page, as a click on a link would.
 */
/** One demo user per role. */
const ALL_USERS = [
  'admin', 'gm', 'manager', 'sales1', 'promoter', 'finance', 'cashier', 'cfo', 'office', 'warehouse',
  'agent1', 'shiftlead', 'qc', 'revisit', 'editor', 'servicedir', 'mktdir', 'mktmgr', 'accmgr', 'retailer',
]
const DEMO_USERS = process.env.WORDS_USERS ? process.env.WORDS_USERS.split(',') : ALL_USERS
const PASSWORD = 'Yewu@2026'
const LOCALES = ['zh-CN', 'en'] as const

/** A demo record for each detail route, taken from the list the same user sees. */
const DETAIL_SOURCES: Record<string, { url: string; pick: (body: any) => number | null | undefined }> = {
  '/customers/:id': { url: '/api/customers?size=1', pick: (b) => b.items?.[0]?.id },
  '/quotes/:id': { url: '/api/quotes?size=1', pick: (b) => b.items?.[0]?.id },
  '/quotes/:id/revise': { url: '/api/quotes?size=1&state=SENT', pick: (b) => b.items?.[0]?.id },
  '/contracts/:id': { url: '/api/contracts?size=1', pick: (b) => b.items?.[0]?.id },
  '/orders/:id': { url: '/api/orders?size=1', pick: (b) => b.items?.[0]?.id },
  '/tickets/:id': { url: '/api/tickets?size=1', pick: (b) => b.items?.[0]?.id },
  '/m/visits/:id': { url: '/api/visits/plan', pick: (b) => b.items?.find((i: any) => i.visitId)?.visitId },
}

const ROUTES = routerPaths()
const PUBLIC = ['/login', '/status', '/ask']

/** Counts the page's requests in flight, so a visit waits for its data, not for a fixed time. */
function trackRequests(page: Page, onError: (url: string, status: number) => void) {
  const pending = new Set<Request>()
  page.on('request', (r) => void pending.add(r))
  page.on('requestfinished', (r) => void pending.delete(r))
  page.on('requestfailed', (r) => void pending.delete(r))
  page.on('response', (r) => {
    pending.delete(r.request())
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/') && (r.status() >= 500 || r.status() === 403)) onError(url.pathname, r.status())
  })
  return async function settle() {
    let quiet = 0
    for (let i = 0; i < 150 && quiet < 2; i++) {
      await page.waitForTimeout(40)
      quiet = pending.size === 0 ? quiet + 1 : 0
    }
    if (process.env.WORDS_DEBUG && quiet < 2) console.log('unsettled', [...pending].map((r) => r.url()))
    // loading masks of tables and cards
    await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {})
  }
}

/**
 * Answers a "discard unsaved typing?" question (useUnsavedGuard) with 离开 / Leave, within a bound: a question box that
 * cannot be answered (not seen so far, but a sweep must never wait for it until the test's timeout) is reported in the
 * log and the page reloaded, which the browser's own "leave?" (accepted by the page's dialog handler) lets happen.
 */
async function answerLeave(page: Page) {
  const answered = await page.locator('.unsaved-guard:visible .el-button--primary').first().click({ timeout: 5000 })
    .then(() => true, () => false)
  if (answered) return
  console.log(`  a question on ${new URL(page.url()).pathname} could not be answered: ${await page.locator('.unsaved-guard').evaluateAll(
    (els) => els.map((e) => `${(e as HTMLElement).className} [${(e as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 80)}]`).join(' | '))}`)
  await page.reload()
}

/**
 * Changes the route with the app's own router (as following a link does) and says whether this user may open it:
 * false when the route names roles and the user holds none of them (the guard would send them elsewhere).
 */
async function go(page: Page, path: string): Promise<boolean> {
  const allowed = await page.evaluate((p) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: any }).__vue_app__
    const router = app.config.globalProperties.$router
    const roles: string[] | undefined = router.resolve(p).meta.roles
    const me = app.config.globalProperties.$pinia.state.value.session?.me
    if (roles && !roles.some((r) => me?.roles.includes(r))) return false
    void router.push(p)
    return true
  }, path)
  if (!allowed) return false
  // a form the sweep changed (a contact row added by 添加联系人) asks before it is left: the sweep leaves it
  const question = page.locator('.unsaved-guard')
  await Promise.race([
    question.waitFor({ state: 'visible', timeout: 1500 }),
    page.waitForURL((u) => u.pathname === path, { timeout: 1500 }),
  ]).catch(() => {})
  if (await question.isVisible()) await answerLeave(page)
  await page.waitForURL((u) => u.pathname === path, { timeout: 3000 }).catch(() => {})
  return page.evaluate((p) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: any }).__vue_app__
    return app.config.globalProperties.$router.currentRoute.value.path === p
  }, path)
}

async function scanPage(page: Page, at: Omit<Finding, 'what' | 'token' | 'line'>, into: Finding[]) {
  const text = await page.evaluate(() => document.body.innerText)
  for (const f of scanText(text)) into.push({ ...at, ...f })
  for (const id of await bareIdsInNameSlots(page)) into.push({ ...at, what: 'id where a name belongs', token: id, line: id })
}

/**
 * The buttons that open a page's dialogs and drawers (新建, 编辑, 导入…): found by their words, at most
 * `MAX_OPENERS` different ones per page (the first of each, a row's 编辑 included), so the sweep stays bounded
 * (docs/decisions/0032). Buttons that act at once (保存, 删除, 审批…) are never among them.
 */
const OPENERS: Record<string, RegExp> = {
  'zh-CN': /^(新建|新增|编辑|导入|登记|筛选|添加(?!一行))/,
  en: /^(New|Add(?! a line)|Create|Edit|Import|Record|Filter)\b/,
}
const MAX_OPENERS = 2
/**
 * Route × button found to open no dialog (it acts inline, e.g. 添加联系人) or to lead to a page of its own (新建订单 →
 * /orders/new, swept as that route): not clicked again for the next user or language. Tests share it within a worker.
 */
const INERT = new Set<string>()
const OPEN_LAYER = '.el-overlay:visible .el-dialog, .el-drawer:visible, .el-message-box:visible'

/** Opens a page's primary dialogs one by one, sweeps what they show and closes them again. */
async function sweepDialogs(
  page: Page, path: string, lang: string, at: Omit<Finding, 'what' | 'token' | 'line'>, into: Finding[],
  settle: () => Promise<void>, onOpen: (what: string) => void,
): Promise<number> {
  const labels = await page
    .locator('.el-main button:not([disabled])')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText.trim()))
  const openers = [...new Set(labels.filter((l) => OPENERS[lang].test(l) && !INERT.has(`${at.route}|${l}`)))].slice(0, MAX_OPENERS)
  let opened = 0
  for (const label of openers) {
    const where = { ...at, route: `${at.route} › ${label}` }
    onOpen(where.route)
    const button = page.locator('.el-main button:not([disabled])', { hasText: label }).first()
    if (!(await button.isVisible())) continue
    const t0 = Date.now()
    // bounded: a button something else covers is not an opener the sweep can use
    if (!(await button.click({ timeout: 5000 }).then(() => true, () => false))) {
      console.log(`  ${at.route}: «${label}» could not be clicked`)
      continue
    }
    const layers = page.locator(OPEN_LAYER)
    // a dialog shows at once, a button that leads elsewhere changes the address; one that does neither is let be
    await Promise.race([
      layers.first().waitFor({ state: 'visible', timeout: 400 }),
      page.waitForURL((u) => u.pathname !== path, { timeout: 400 }),
    ]).catch(() => {})
    await settle()
    if (process.env.WORDS_DEBUG) console.log('  opener', label, Date.now() - t0)
    // the button led to a page of its own (新建订单 → /orders/new), swept as its route: the next route comes next
    if (new URL(page.url()).pathname !== path) {
      INERT.add(`${at.route}|${label}`)
      break
    }
    if ((await layers.count()) === 0) {
      INERT.add(`${at.route}|${label}`)
      continue
    }
    opened++
    const text = (await layers.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText))).join('\n')
    for (const f of scanText(text)) into.push({ ...where, ...f })
    // close: Escape, a second one for a "discard changes?" box, else reload the route; the last one closes as the
    // next route replaces the page
    await page.keyboard.press('Escape')
    if (label === openers[openers.length - 1]) continue
    for (let i = 0; i < 2 && (await layers.count()) > 0; i++) {
      await page.keyboard.press('Escape')
      await layers.first().waitFor({ state: 'hidden', timeout: 1500 }).catch(() => {})
    }
    // a changed form's "discard?" question (useUnsavedGuard): leave
    if (await page.locator('.unsaved-guard').isVisible()) {
      await answerLeave(page)
      await layers.first().waitFor({ state: 'hidden', timeout: 1500 }).catch(() => {})
    }
    if ((await layers.count()) > 0) {
      await page.reload()
      await settle()
    }
    if (process.env.WORDS_DEBUG) console.log('  closed', label, Date.now() - t0)
  }
  return opened
}

function report(findings: Finding[]): string {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const f of findings) {
    const key = `${f.route}|${f.user}|${f.locale}|${f.token}`
    if (seen.has(key)) continue
    seen.add(key)
    lines.push(`${f.route} × ${f.user} × ${f.locale}: ${f.what} «${f.token}» in “${f.line}”`)
  }
  return lines.join('\n')
}

/** Every route of the desktop layout names a title that is words in both languages (the router's own list). */
async function expectEveryPageTitled(page: Page) {
  const untitled = await page.evaluate(() => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: any }).__vue_app__
    const router = app.config.globalProperties.$router
    const te = app.config.globalProperties.$te as (key: string, locale: string) => boolean
    // the pages themselves: no layout (a record with children), no phone page (`/m/`, its own shell), no public page
    const pages = router.getRoutes().filter((r: any) => !r.children?.length && !/^\/m(\/|$)/.test(r.path) && !r.meta.public)
    return {
      count: pages.length,
      missing: pages.filter((r: any) => !r.meta.title || !te(r.meta.title, 'zh-CN') || !te(r.meta.title, 'en')).map((r: any) => r.path),
    }
  })
  expect(untitled.count, 'desktop routes found').toBeGreaterThan(40)
  expect(untitled.missing, 'desktop routes without a title in both languages').toEqual([])
}

async function sweepUser(browser: Browser, user: string, findings: Finding[], visits: string[], dialogs: number[]) {
  const context = await browser.newContext()
  const page = await context.newPage()
  // a reload while a form the sweep opened is changed asks the browser's "leave the page?": leave
  page.on('dialog', (d) => void d.accept().catch(() => {}))
  let current = ''
  let locale: string = 'zh-CN'
  const settle = trackRequests(page, (url, status) =>
    current && findings.push({ route: current, user, locale, what: `HTTP ${status}`, token: url, line: `${status} ${url}` }),
  )
  await loginOk(page, user, PASSWORD)
  if (user === 'admin') await expectEveryPageTitled(page)
  const switcher = page.locator('[data-test=locale-switch]')
  // The account may remember English from an earlier run: start in Chinese.
  if ((await switcher.innerText()).trim() === '中文') await switcher.click()
  await expect(switcher).toHaveText('English')

  const ids: Record<string, number | null> = {}
  for (const [route, src] of Object.entries(DETAIL_SOURCES)) {
    const body = await page.evaluate(async (url) => {
      const r = await fetch(url, { headers: { Accept: 'application/json' } })
      return r.ok ? r.json() : null
    }, src.url)
    ids[route] = body ? (src.pick(body) ?? null) : null
  }

  for (const lang of LOCALES) {
    locale = lang
    if (lang === 'en') {
      if (!(await switcher.isVisible())) await go(page, '/')
      await switcher.click()
      await expect(switcher).toHaveText('中文')
    }
    for (const r of ROUTES) {
      if (PUBLIC.includes(r.path)) continue
      let path = r.path
      if (r.params) {
        const id = ids[r.path]
        if (id == null) continue
        path = r.path.replace(':id', String(id))
      }
      current = r.path
      const started = Date.now()
      // A route whose roles this user lacks is not one of their pages (the guard would send them home).
      if (!(await go(page, path))) continue
      await settle()
      visits.push(`${r.path}|${user}|${lang}`)
      const at = { route: r.path, user, locale: lang }
      await scanPage(page, at, findings)
      // every desktop page has its title (the layout's heading, from the route's meta)
      if (!r.path.startsWith('/m/') && !(await page.locator('[data-test=page-title]').innerText({ timeout: 5000 }).catch(() => '')).trim())
        findings.push({ ...at, what: 'no page title', token: r.path, line: r.path })
      // WORDS_DIALOGS=0 sweeps the pages alone (to compare the time the dialogs add)
      if (process.env.WORDS_DIALOGS !== '0') dialogs.push(await sweepDialogs(page, path, lang, at, findings, settle, (where) => (current = where)))
      if (process.env.WORDS_DEBUG) console.log(user, lang, path, Date.now() - started)
    }
  }
  // Leave the account in Chinese for the other tests.
  if (!(await switcher.isVisible())) await go(page, '/')
  await switcher.click()
  await expect(switcher).toHaveText('English')
  await context.close()
}


/*
 * One test per user (a failed user does not hide the others). Each says its share of the sweep's size; a failed test
 * restarts the worker, so nothing is summed across tests here.
 */
for (const user of DEMO_USERS) {
  test(`every route ${user} may open, in Chinese and English, shows words and not codes`, async ({ browser }) => {
    test.setTimeout(8 * 60_000) // a manager opens some 40 routes twice, and up to two dialogs on each
    const findings: Finding[] = []
    const visits: string[] = []
    const dialogs: number[] = []
    const started = Date.now()
    await sweepUser(browser, user, findings, visits, dialogs)
    const routes = new Set(visits.map((v) => v.split('|')[0]))
    const opened = dialogs.reduce((a, b) => a + b, 0)
    console.log(`code sweep ${user}: ${routes.size} routes × ${LOCALES.length} languages = ${visits.length} page visits, ` +
      `${opened} dialogs, ${Math.round((Date.now() - started) / 1000)} s`)
    writeFileSync(`../target/e2e-artifacts/words-findings-${user}.txt`, report(findings))
    expect(report(findings), 'raw codes on screen (route × user × language)').toBe('')
  })
}

test('public pages show words and not codes, in Chinese and English', async ({ browser }) => {
  const findings: Finding[] = []
  for (const lang of LOCALES) {
    const context = await browser.newContext()
    await context.addInitScript((l) => localStorage.setItem('yewu.locale', l), lang)
    const page = await context.newPage()
    for (const path of PUBLIC) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      await scanPage(page, { route: path, user: 'anonymous', locale: lang }, findings)
    }
    await context.close()
  }
  expect(report(findings)).toBe('')
})
