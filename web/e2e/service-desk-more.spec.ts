import { expect, test } from '@playwright/test'
import { apiPost, loginOk, shot } from './helpers'

const PASSWORD = 'Yewu@2026'

interface Card { id: number; name: string }
interface Ticket { id: number; number: string }

test('an information-change ticket files the customer change request and shows its approval (SVC-1, CUS-15)', async ({ page }) => {
  await loginOk(page, 'agent1', PASSWORD)
  // a customer of the demo book, as the agent finds it while taking the call
  let cards: Card[] = []
  for (const q of ['超市', '商店', '便利', '烟酒', '商行', '1380', '1390', '1350', '1370', '1360']) {
    cards = [...cards, ...((await (await page.request.get(`/api/tickets/customer-lookup?q=${encodeURIComponent(q)}`)).json()) as Card[])]
    if (cards.length >= 5) break
  }
  expect(cards.length).toBeGreaterThan(0)
  // a customer whose file has no request awaiting approval (an earlier run may have left one): the first that takes it
  const state = page.locator('[data-test=ticket-change-state]')
  for (const card of cards.slice(0, 5)) {
    const ticket = await apiPost<Ticket>(page, '/api/tickets', {
      channel: 'PHONE', type: 'INFO_CHANGE', requesterKind: 'CUSTOMER', customerId: card.id, subject: `开票资料变更 ${Date.now()}`,
      promisedAt: new Date(Date.now() + 4 * 3600_000).toISOString(),
    })
    await page.goto(`/tickets/${ticket.id}`)
    await expect(page.locator('[data-test=ticket-change]')).toContainText('信息变更申请')
    await page.locator('[data-test=ticket-detail-change-invoiceTitle]').fill(`${card.name}（新抬头）`)
    await page.locator('[data-test=ticket-change-file]').click()
    if (await state.waitFor({ timeout: 5000 }).then(() => true, () => false)) break
  }
  await expect(state).toHaveText('待审批')
  await expect(page.locator('[data-test=ticket-history]')).toContainText('提交信息变更申请')
  await shot(page, 'service-desk-more-1-info-change')
})

test('a return visit by SMS waits or goes out and shows its delivery (SVC-6, PLT-7)', async ({ page }) => {
  await loginOk(page, 'revisit', PASSWORD)
  await page.goto('/return-visits')
  const rows = page.locator('[data-test=return-visits] .el-table__row')
  await expect(rows.first()).toBeVisible()
  await rows.first().click()
  await page.locator('[data-test=visit-sms-send]').click()
  const sms = page.locator('[data-test=visit-sms]')
  await expect(sms).toBeVisible()
  await expect(sms).toContainText(/排队中|已发送|发送失败/)
  await shot(page, 'service-desk-more-2-sms')
})

test('the shift lead keeps the month roster and the board shows who is on shift (SVC-10)', async ({ page }) => {
  await loginOk(page, 'shiftlead', PASSWORD)
  await page.goto('/shift/roster')
  await expect(page.locator('[data-test=roster-on-duty]')).toContainText('在岗')
  const grid = page.locator('[data-test=roster-grid]')
  await expect(grid).toContainText('蒋回访')
  await page.locator('[data-test=roster-brush]').getByText('休息').click()
  await grid.locator('td.cell.editable').nth(27).click()
  await page.locator('[data-test=roster-save]').click()
  await expect(page.locator('.el-message--success')).toBeVisible()
  await shot(page, 'service-desk-more-3-roster')
  await page.goto('/shift')
  await expect(page.locator('[data-test=shift-on-duty]')).toContainText('在岗')
})

test('the service director draws a campaign from the customer files and reads its report (SVC-6)', async ({ page }) => {
  await loginOk(page, 'servicedir', PASSWORD)
  await page.goto('/return-visits/campaigns')
  const list = page.locator('[data-test=campaigns]')
  await expect(list).toContainText('重点客户节前回访')
  await list.getByText('重点客户节前回访').click()
  const report = page.locator('[data-test=campaign-report]')
  await expect(report).toContainText('已接通')
  await shot(page, 'service-desk-more-4-campaign-report')
  await page.locator('.el-drawer__close-btn').click()

  await page.locator('[data-test=campaign-new]').click()
  const form = page.locator('[data-test=campaign-form]')
  await page.locator('[data-test=campaign-name]').fill(`活跃客户促销回访 ${Date.now()}`)
  const due = form.locator('.el-date-editor input').first()
  const when = new Date(Date.now() + 20 * 86400_000) // after the other tests' ticket visits (the desk's list is by deadline)
  await due.fill(`${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')} 10:00:00`)
  await due.press('Enter')
  await page.locator('[data-test=campaign-preview]').click()
  await expect(page.locator('[data-test=campaign-preview-count]')).toContainText('户客户')
  await shot(page, 'service-desk-more-5-campaign-new')
  await page.locator('[data-test=campaign-submit]').click()
  await expect(report).toContainText('电话')
  await expect(report).toContainText('全部客户')
})

test('knowledge test scores: the agent sees its own, the shift lead all (KB-2)', async ({ browser }) => {
  const agent = await (await browser.newContext()).newPage()
  await loginOk(agent, 'agent1', PASSWORD)
  await agent.goto('/knowledge/tests')
  const mine = agent.locator('[data-test=kb-tests]')
  await expect(mine).toContainText('新品上市统一口径')
  await expect(mine).not.toContainText('价格政策')
  await shot(agent, 'service-desk-more-6-my-tests')

  const lead = await (await browser.newContext()).newPage()
  await loginOk(lead, 'shiftlead', PASSWORD)
  await lead.goto('/knowledge/tests')
  await expect(lead.locator('[data-test=kb-tests]')).toContainText('价格政策')
  await shot(lead, 'service-desk-more-7-all-tests')
})

test('the shift lead holds the roll call, sees how busy each shift is and moves a seat; the director reads the monthly analysis (SVC-10)', async ({ browser }) => {
  const lead = await (await browser.newContext()).newPage()
  await loginOk(lead, 'shiftlead', PASSWORD)
  await lead.goto('/shift/roll-call')
  const plan = lead.locator('[data-test=roll-call-plan]')
  await expect(plan.locator('[data-test=roll-call-heading]')).toContainText('点名')
  await expect(lead.locator('[data-test=roll-call-findings]')).toBeVisible()
  // the shift to call now: recorded once (an earlier run may have recorded it already)
  const record = lead.locator('[data-test=roll-call-record]')
  if (await record.isVisible() && await record.isEnabled()) {
    await lead.locator('textarea[data-test=roll-call-review], [data-test=roll-call-review] textarea').first().fill('交接清楚，注意语音语调')
    await record.click()
    await expect(lead.locator('.el-message--success')).toBeVisible()
  }
  // yesterday's roll call of the demo, with its absent agent
  await expect(lead.locator('[data-test=roll-call-list]')).toContainText('注意语音语调')
  // a chart is drawn when it comes into view; how far down it sits depends on the shift the page opens on
  await lead.locator('[data-test=busy-chart]').scrollIntoViewIfNeeded()
  await expect(lead.locator('[data-test=busy-chart] canvas')).toBeVisible()
  const seats = lead.locator('[data-test=busy-seats] .el-table__body tr')
  await expect(seats.first()).toBeVisible()
  await shot(lead, 'service-desk-more-8-roll-call')

  // a seat moved to another shift and back: the day's roster is as it was for the other tests
  const name = (await seats.first().locator('td').first().innerText()).trim()
  const was = (await seats.first().locator('td').nth(1).innerText()).trim()
  const seat = () => lead.locator('[data-test=busy-seats] .el-table__body tr', { hasText: name }).first()
  const moveTo = async (label: string) => {
    await seat().locator('.el-select').click()
    await lead.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).click()
    await seat().locator('button', { hasText: '调整' }).click()
    await expect(lead.locator('.el-message--success', { hasText: label }).first()).toBeVisible()
    await expect(seat().locator('td').nth(1)).toHaveText(label)
  }
  await moveTo(was === '休息' ? '白班' : '休息')
  await moveTo(was)

  const director = await (await browser.newContext()).newPage()
  await loginOk(director, 'servicedir', PASSWORD)
  await director.goto('/service/quality-months')
  const list = director.locator('[data-test=quality-month-list]')
  await expect(list.locator('.el-table__body tr').first()).toBeVisible()
  await list.locator('.el-table__body tr').first().getByText('打开').click()
  await expect(director.locator('[data-test=quality-month-title]')).toContainText('月度服务质量分析')
  await expect(director.locator('[data-test=quality-month-findings] li').first()).toBeVisible()
  await expect(director.locator('[data-test=quality-month-agents]')).toBeVisible()
  await shot(director, 'service-desk-more-9-quality-month')
})
