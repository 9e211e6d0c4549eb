import { expect, test } from '@playwright/test'
import { loginOk, shot } from './helpers'

const PASSWORD = 'Yewu@2026'

test('a caller asks on the public form and looks the ticket up with number and phone (SVC-1)', async ({ page }) => {
  await page.goto('/ask')
  await page.locator('[data-test=public-ticket] input').nth(1).fill('赵女士')
  await page.locator('[data-test=public-ticket] input').nth(2).fill('13812345678')
  await page.locator('[data-test=public-ticket] input').nth(4).fill('网上订货如何退货')
  await page.locator('[data-test=public-submit]').click()
  await expect(page.getByText('已受理，工单号：GD')).toBeVisible()
  await page.getByRole('button', { name: '查询进度' }).click()
  await expect(page.getByText('处理中')).toBeVisible()
  await shot(page, 'service-public-form')
})

test('an agent takes a question answered at once and sees its history; the shift lead sees the board (SVC-1 … SVC-4)', async ({ page }) => {
  await loginOk(page, 'agent1', PASSWORD)
  await page.goto('/tickets')
  await expect(page.locator('[data-test=tickets]')).toBeVisible()
  await page.locator('[data-test=ticket-new]').click()
  await page.locator('[data-test=ticket-intake]').getByText('消费者').click()
  await page.locator('[data-test=ticket-subject]').fill('营业时间咨询')
  await page.locator('[data-test=ticket-answered-now]').click()
  await page.locator('[data-test=ticket-answer]').fill('已告知营业时间')
  await page.locator('[data-test=ticket-caller-name]').fill('李先生')
  await page.locator('[data-test=ticket-submit]').click()
  await expect(page.locator('[data-test=ticket-history]')).toContainText('受理')
  await expect(page.locator('[data-test=ticket-history]')).toContainText('关闭')
  await shot(page, 'service-ticket-detail')
  await page.goto('/tickets')
  // the demo tickets: an overdue one among my open tickets
  await expect(page.locator('[data-test=tickets]')).toContainText('已超时')
  await shot(page, 'service-my-tickets')
})

test('the shift lead sees the board and the escalated tickets with why (SVC-4)', async ({ page }) => {
  await loginOk(page, 'shiftlead', PASSWORD)
  await page.goto('/shift')
  await expect(page.locator('[data-test=shift-board]')).toContainText('钱小红')
  await expect(page.locator('[data-test=shift-inbox]')).toContainText('升级至值班长')
  await shot(page, 'service-shift-board')
})
