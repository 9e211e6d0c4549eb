import { expect, test, type Page } from '@playwright/test'
import { loginOk, shot } from './helpers'

const PASSWORD = 'Yewu@2026'

/** A time in Shanghai as the date picker takes it, `hours` from now. */
function shanghai(hours: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).formatToParts(new Date(Date.now() + hours * 3600_000))
  const p = (type: string) => parts.find((x) => x.type === type)!.value
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour') === '24' ? '00' : p('hour')}:${p('minute')}:${p('second')}`
}

async function pick(page: Page, text: string) {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

test('a complaint from intake to the agent reading its QC score (SVC-2, SVC-3, KB-1, SVC-7, QC-1, QC-2)', async ({ browser }) => {
  test.setTimeout(180_000) // five people in turn
  const subject = `送货延误投诉 ${Date.now()}`
  const direction = '回访未解决：请今天下班前再联系客户并书面反馈'

  // the agent takes the complaint, promises a reply time and links the wording it used
  const agent = await (await browser.newContext()).newPage()
  await loginOk(agent, 'agent1', PASSWORD)
  await agent.goto('/tickets')
  await agent.locator('[data-test=ticket-new]').click()
  const intake = agent.locator('[data-test=ticket-intake]')
  await intake.getByText('消费者').click()
  await agent.locator('[data-test=ticket-caller-name]').fill('陈先生')
  await intake.getByRole('textbox', { name: '电话', exact: true }).fill('13912345678')
  await agent.locator('[data-test=ticket-type]').click()
  await pick(agent, '投诉')
  await agent.locator('[data-test=ticket-subject]').fill(subject)
  await intake.locator('.el-date-editor input').fill(shanghai(3))
  await intake.locator('.el-date-editor input').press('Enter')
  const created = agent.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST')
  await agent.locator('[data-test=ticket-submit]').click()
  const ticket = (await (await created).json()) as { id: number; number: string }
  expect(ticket.number).toMatch(/^GD/)
  const history = agent.locator('[data-test=ticket-history]')
  await expect(history).toContainText('承诺答复时间')

  await agent.locator('[data-test=ticket-kb-query]').fill('首单')
  await agent.locator('[data-test=ticket-kb-search]').click()
  await agent.locator('[data-test=ticket-kb-hits]').getByRole('button', { name: '关联到工单' }).first().click()
  await expect(agent.locator('[data-test=ticket-articles]')).toContainText('新客户首单付款政策')

  // SVC-2: the transfer adds an assignee, the owner stays
  await agent.locator('.el-drawer [data-test=user-picker]').click()
  await agent.keyboard.type('冯小兰')
  await agent.locator('[data-test=user-picker-option]:visible', { hasText: '冯小兰' }).click()
  await agent.locator('[data-test=ticket-transfer]').click()
  await expect(history).toContainText('转交')
  await expect(agent.locator('.el-drawer')).toContainText('钱小红')
  await shot(agent, 'service-quality-1-transferred')

  // the assignee resolves it with the complaint's cause
  const assignee = await (await browser.newContext()).newPage()
  await loginOk(assignee, 'agent2', PASSWORD)
  await assignee.goto(`/tickets/${ticket.id}`)
  await assignee.locator('[data-test=ticket-resolution]').fill('已联系物流，改为明日上午送达')
  await assignee.locator('[data-test=ticket-root-cause]').click()
  await pick(assignee, '配送')
  await assignee.locator('[data-test=ticket-cause-analysis]').fill('线路调整导致延误')
  await assignee.locator('[data-test=ticket-corrective-action]').fill('调整排线并提前告知客户')
  await assignee.locator('[data-test=ticket-resolve]').click()
  await expect(assignee.locator('[data-test=ticket-history]')).toContainText('办结')

  // SVC-7: the return visit finds it not solved: the ticket reopens with the feedback
  const desk = await (await browser.newContext()).newPage()
  await loginOk(desk, 'revisit', PASSWORD)
  await desk.goto('/return-visits')
  await desk.locator('[data-test=return-visits]').getByText(ticket.number).click()
  await desk.locator('.el-drawer .el-radio-button', { hasText: '未解决' }).click()
  await desk.locator('[data-test=visit-satisfaction]').click()
  await pick(desk, '不满意')
  await desk.locator('[data-test=visit-feedback]').fill('客户说货仍未送到')
  await desk.locator('[data-test=visit-close]').click()
  await expect(desk.locator('.el-drawer')).toContainText('未解决')
  await shot(desk, 'service-quality-2-not-solved')

  // the service director reads the written feedback and gives direction (督办)
  const director = await (await browser.newContext()).newPage()
  await loginOk(director, 'servicedir', PASSWORD)
  await director.goto('/notifications')
  await expect(director.locator('[data-test=notification-row-title]', { hasText: ticket.number }).first()).toContainText('回访未解决')
  await director.goto(`/tickets/${ticket.id}`)
  const seen = director.locator('[data-test=ticket-history]')
  await expect(seen).toContainText('重新打开')
  await expect(seen).toContainText('客户说货仍未送到')
  await director.locator('[data-test=ticket-direction]').fill(direction)
  await director.locator('[data-test=ticket-supervise]').click()
  await expect(seen).toContainText(direction)
  await shot(director, 'service-quality-3-direction')

  // QC-1 / QC-2: the inspector adds the ticket to the month's sample and scores it on the sheet
  const qc = await (await browser.newContext()).newPage()
  await loginOk(qc, 'qc', PASSWORD)
  await qc.goto('/quality')
  await expect(qc.locator('[data-test=qc-samples]')).toContainText('待评分') // the demo sample of the month
  await qc.locator('[data-test=qc-add-number]').fill(ticket.number)
  await qc.locator('[data-test=qc-add]').click()
  const sheet = qc.locator('[data-test=qc-sheet]')
  await expect(sheet).toContainText('三声服务：问候声')
  await sheet.locator('[data-test=qc-item-NEED_SUMMARY] input').fill('6')
  await sheet.locator('[data-test=qc-item-NEED_SUMMARY] input').blur()
  await expect(sheet.locator('[data-test=qc-sheet-total]')).toContainText('96 / 100')
  await sheet.locator('[data-test=qc-comments]').fill('未复述客户诉求')
  await qc.locator('[data-test=qc-score]').click()
  await expect(sheet).toBeHidden()
  await expect(qc.locator('[data-test=qc-samples] tr', { hasText: ticket.number })).toContainText('96 / 100')
  await shot(qc, 'service-quality-4-scored')

  // the agent sees its own score, and the director's direction on its ticket
  await agent.goto('/quality/mine')
  const mine = agent.locator('[data-test=qc-mine]')
  await expect(mine).toContainText(ticket.number)
  await expect(mine).toContainText('96')
  await expect(mine).toContainText('未复述客户诉求')
  await shot(agent, 'service-quality-5-my-score')
  await agent.goto(`/tickets/${ticket.id}`)
  await expect(agent.locator('[data-test=ticket-history]')).toContainText(direction)
})

test('the knowledge base: notice, director reads, editor drafts, the issuing department confirms, agents find it (KB-2, KB-1)', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `夜间配送服务口径 ${Date.now()}`
  const editor = await (await browser.newContext()).newPage()
  await loginOk(editor, 'editor', PASSWORD)
  await editor.goto('/knowledge')
  await editor.locator('[data-test=kb-new]').click()
  const dialog = editor.locator('[data-test=kb-notice]')
  await editor.locator('[data-test=kb-notice-category]').click()
  await pick(editor, '业务规则')
  await editor.locator('[data-test=kb-notice-title]').fill(title)
  await editor.locator('[data-test=kb-notice-text]').fill('营销中心通知：自下月起提供夜间配送。')
  await dialog.locator('[data-test=kb-notice-department]').click()
  await editor.locator('.el-select-dropdown__item:visible').filter({ hasText: /^\s*营销中心\s*$/ }).click()
  const created = editor.waitForResponse((r) => r.url().endsWith('/api/kb/articles') && r.request().method() === 'POST')
  await editor.locator('[data-test=kb-notice-submit]').click()
  const id = ((await (await created).json()) as { article: { id: number } }).article.id
  await expect(editor.locator('[data-test=kb-state]')).toHaveText('已收通知')

  const director = await (await browser.newContext()).newPage()
  await loginOk(director, 'servicedir', PASSWORD)
  await director.goto(`/knowledge/${id}`)
  await director.locator('[data-test=kb-read]').click()
  await expect(director.locator('[data-test=kb-state]')).toHaveText('主任已阅')

  await editor.goto(`/knowledge/${id}`)
  await editor.locator('[data-test=kb-draft-body]').fill('每周一、三、五 20:00–23:00 提供夜间配送，客户须提前一天在网上订货时选择。')
  await editor.locator('[data-test=kb-draft]').click()
  await expect(editor.locator('[data-test=kb-state]')).toHaveText('已拟稿待确认')

  // KB-2b: another department may not confirm; the issuing one does, which publishes
  await director.goto(`/knowledge/${id}`)
  await director.locator('[data-test=kb-confirm]').click()
  await expect(director.locator('[data-test=kb-article]')).toContainText('只有发文部门（营销中心）的人员可以确认统一口径')
  const marketing = await (await browser.newContext()).newPage()
  await loginOk(marketing, 'mktdir', PASSWORD)
  await marketing.goto(`/knowledge/${id}`)
  await marketing.locator('[data-test=kb-confirm]').click()
  await expect(marketing.locator('[data-test=kb-state]')).toHaveText('已发布')
  await expect(marketing.locator('[data-test=kb-log]')).toContainText('发文部门确认发布')
  await expect(marketing.locator('.el-message--error')).toHaveCount(0) // the page reads nothing a marketing director may not
  await shot(marketing, 'service-kb-published')

  const agent = await (await browser.newContext()).newPage()
  await loginOk(agent, 'agent2', PASSWORD)
  await agent.goto('/knowledge')
  await agent.locator('.el-tabs__item', { hasText: '查找统一口径' }).click()
  await agent.locator('[data-test=kb-search]').fill('夜间配送')
  await agent.locator('[data-test=kb-search-go]').click()
  await expect(agent.locator('[data-test=kb-hits]')).toContainText(title)
  await agent.locator('[data-test=kb-hits]').getByText(title).click()
  await expect(agent.locator('[data-test=kb-body]')).toContainText('20:00–23:00')
  await shot(agent, 'service-kb-search')
})

test('the service director reads the analyses as charts; the menus follow the role (SVC-5, SVC-9, SVC-10, QC-3)', async ({ page }) => {
  await loginOk(page, 'servicedir', PASSWORD)
  await expect(page.locator('[data-test=menu-service-analysis]')).toBeVisible()
  await page.goto('/service-analysis')
  await expect(page.locator('[data-test=analysis-figures]')).toContainText('回访率')
  await page.locator('.echart').first().scrollIntoViewIfNeeded() // a chart draws once it is in view
  await expect(page.locator('.echart canvas').first()).toBeVisible()
  await page.locator('.el-tabs__item', { hasText: '投诉分析' }).click()
  await page.locator('[data-test=analysis-complaints] .echart').first().scrollIntoViewIfNeeded()
  await expect(page.locator('[data-test=analysis-complaints] canvas').first()).toBeVisible()
  await page.locator('.el-tabs__item', { hasText: '服务统计' }).click()
  await expect(page.locator('[data-test=analysis-stats]')).toContainText('钱小红')
  await expect(page.locator('[data-test=analysis-stats] th', { hasText: '查单' })).toBeVisible()
  await shot(page, 'service-analysis-statistics')
  await page.goto('/quality')
  await page.locator('.el-tabs__item', { hasText: '月度汇总' }).click()
  await expect(page.locator('[data-test=qc-summary]')).toContainText('冯小兰')

  // an agent has no analyses or inspection pages: the menu hides them, the guard answers with the 403 page
  await page.context().clearCookies()
  await loginOk(page, 'agent2', PASSWORD)
  await expect(page.locator('[data-test=menu-my-quality]')).toBeVisible()
  await expect(page.locator('[data-test=menu-service-analysis]')).toHaveCount(0)
  await page.goto('/quality')
  await expect(page).toHaveURL(/\/forbidden\?from=\/quality$/)
  await page.goto('/quality/mine')
  await expect(page.locator('[data-test=qc-mine]')).toContainText('86') // the demo inspection of agent2
})
