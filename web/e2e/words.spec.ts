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
 * Changes the route with the app's own router (as following a link does) and says whether this user may open it:
 * false when the route names roles and the user holds none of them (the guard would send them elsewhere).
 */
async function go(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (p) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: any }).__vue_app__
    const router = app.config.globalProperties.$router
    const roles: string[] | undefined = router.resolve(p).meta.roles
    const me = app.config.globalProperties.$pinia.state.value.session?.me
    if (roles && !roles.some((r) => me?.roles.includes(r))) return false
    await router.push(p)
    return router.currentRoute.value.path === p
  }, path)
}

async function scanPage(page: Page, at: Omit<Finding, 'what' | 'token' | 'line'>, into: Finding[]) {
  const text = await page.evaluate(() => document.body.innerText)
  for (const f of scanText(text)) into.push({ ...at, ...f })
  for (const id of await bareIdsInNameSlots(page)) into.push({ ...at, what: 'id where a name belongs', token: id, line: id })
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

async function sweepUser(browser: Browser, user: string, findings: Finding[], visits: string[]) {
  const context = await browser.newContext()
  const page = await context.newPage()
  let current = ''
  let locale: string = 'zh-CN'
  const settle = trackRequests(page, (url, status) =>
    current && findings.push({ route: current, user, locale, what: `HTTP ${status}`, token: url, line: `${status} ${url}` }),
  )
  await loginOk(page, user, PASSWORD)
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
      if (process.env.WORDS_DEBUG) console.log(user, lang, path, Date.now() - started)
      await scanPage(page, { route: r.path, user, locale: lang }, findings)
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
    test.setTimeout(3 * 60_000) // a manager opens some 30 routes twice
    const findings: Finding[] = []
    const visits: string[] = []
    await sweepUser(browser, user, findings, visits)
    const routes = new Set(visits.map((v) => v.split('|')[0]))
    console.log(`code sweep ${user}: ${routes.size} routes × ${LOCALES.length} languages = ${visits.length} page visits`)
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
