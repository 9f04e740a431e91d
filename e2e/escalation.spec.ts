/**
 * Reminders and the escalation ladder as people meet them (issue 5, "done when"): the demo's overdue 省教育厅 item has
 * climbed the ladder while the demo "was running" (the sweep is replayed at seed time); its 承办人 finds the steps in
 * the bell and on the item's 时间线; the 督查室 finds it on the 通报候选 list; and a new 催办 rings the 承办人's bell at
 * once, without reloading the page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { buttonName, Desk, openAction, timelineItems } from './helpers';

const title = '开展校园食品安全专项整治';

test.describe.configure({ mode: 'serial' });

let desk: Desk;
test.beforeAll(({ browser }: { browser: Browser }) => {
  desk = new Desk(browser);
});
test.afterAll(async () => {
  await desk.close();
});

function bell(page: Page) {
  return page.getByRole('button', { name: /^消息通知/ });
}

test('the 承办人 finds the reminders and escalation steps in the bell and on the 时间线', async () => {
  const page = await desk.as('jyt', '/');
  await expect(bell(page)).toHaveAccessibleName(/条未读/);
  await bell(page).click();
  const panel = page.locator('.ant-popover:visible');
  const notice = panel.getByText(`督办通知：${title}`);
  await expect(notice).toBeVisible();
  await expect(panel.getByText(`催办：${title}`)).toBeVisible();
  await notice.click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(page.getByText('督办内容')).toBeVisible();

  const steps = timelineItems(page).filter({ has: page.locator('strong').getByText(/^(临期提醒|督办升级：)/) });
  await expect(steps.first()).toBeVisible();
  await expect(steps.filter({ hasText: '临期提醒' }).first()).toContainText('距办结时限');
  await expect(steps.filter({ hasText: '督办升级：催办' })).toContainText('已超过办结时限');
  await expect(steps.filter({ hasText: '督办升级：督办通知' })).toHaveCount(1);
  // Done by the system, not by a person.
  await expect(steps.filter({ hasText: '督办升级：督办通知' })).toContainText('系统');
});

test('the 督查室 finds the item on the 通报候选 list, and a new 催办 rings the 承办人’s bell without a reload', async ({ browser }) => {
  const handler = await desk.as('jyt', '/');
  await expect(bell(handler)).toHaveAccessibleName(/条未读/);
  const unreadBefore = Number((await bell(handler).getAttribute('aria-label'))?.match(/（(\d+) 条未读）/)?.[1]);

  // The 督查室, at another computer.
  const supervisorDesk = new Desk(browser);
  try {
    const page = await supervisorDesk.as('ducha', '/escalations');
    await expect(page.getByText('由系统自动列入督查通报候选名单', { exact: false })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('云南省教育厅');
    await expect(row).toContainText(/\d+ 个工作日/);
    await row.getByRole('link', { name: title }).click();
    const dialog = await openAction(page, '催办');
    await dialog.getByLabel('催办内容').fill('请于本周五前报送整治进展');
    await dialog.getByRole('button', { name: buttonName('催办') }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await supervisorDesk.close();
  }

  // The handler's page was never reloaded: the bell counts one more and shows the 催办 with its words.
  await expect(bell(handler)).toHaveAccessibleName(new RegExp(`（${unreadBefore + 1} 条未读）`), { timeout: 15_000 });
  await bell(handler).click();
  await expect(handler.locator('.ant-popover:visible').getByText('意见：请于本周五前报送整治进展').first()).toBeVisible();
});
