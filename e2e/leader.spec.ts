/**
 * The leader, the 待办 centre and who acts for a government (issue 13 items 2, 4, 7), in the browser:
 * - the 分管 副省长 (leader) finds the items they oversee on 我的批示 and gives a 批示 that starts a new item, then on
 *   a 390×844 phone gives one on an existing item from a plain text box (the phone keyboard's voice input types there);
 * - 省教育厅's handler (jyt) ticks two items under 待签收 in the 待办 centre and signs for both at once; they move to 已办;
 *   the B角 (jyt_b) on a phone opens the bell, which fits the screen and says the 签收 is already done;
 * - 昆明市政府督查室 (km_ducha) sees on an item led by 昆明市人民政府 that it acts as 承办, and signs for it.
 * The 督查室 (ducha) registers the spec's own items (unique titles). The steps build on each other, so they run in order.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { Desk, buttonName, confirmAction, fact, openAction, option, saveScreenshot, searchAndPick, signIn, statusTag } from './helpers';

const educationLeader = '邹晓梅（副省长）';

/** ducha registers an item (拟办) led by `unit` from the form, optionally naming the 分管领导, and 交办s it. */
async function registerAndAssign(page: Page, title: string, unit: { search: string; label: string }, leader?: string): Promise<string> {
  await page.getByRole('menuitem', { name: /\s登记督办事项$/ }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('来源', { exact: true }).click();
  await option(page, '会议决定事项').click();
  await page.getByLabel('会议', { exact: true }).fill('省政府第38次常务会议');
  await page.getByLabel('督办内容').fill('按照常务会议决定推进，并按月报送进展。');
  await page.getByRole('spinbutton', { name: '交办后 N 个工作日' }).fill('20');
  await searchAndPick(page, page.getByLabel('牵头单位'), unit.search, unit.label);
  if (leader) {
    await page.getByLabel('分管领导').click();
    await option(page, leader).click();
  }
  await page.getByRole('button', { name: buttonName('登记') }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const path = new URL(page.url()).pathname;
  const assign = await openAction(page, '交办');
  await confirmAction(page, assign, '交办', '已交办');
  return path;
}

const education = { search: '教育厅', label: '云南省教育厅' };

test.describe.serial('the leader, the 待办 centre and who acts for a government', () => {
  let desk: Desk;
  let phone: BrowserContext | undefined;
  const stamp = Date.now();
  const overseen = `e2e分管事项${stamp}`;
  const batchOne = `e2e批量签收一${stamp}`;
  const batchTwo = `e2e批量签收二${stamp}`;
  const cityItem = `e2e昆明市事项${stamp}`;
  const spawned = `e2e批示新事项${stamp}`;
  let cityPath = '';

  test.beforeAll(({ browser }) => {
    desk = new Desk(browser);
  });
  test.afterAll(async () => {
    await phone?.close();
    await desk.close();
  });

  test('ducha registers and 交办s the items', async () => {
    const page = await desk.as('ducha');
    await registerAndAssign(page, overseen, education, educationLeader);
    await registerAndAssign(page, batchOne, education);
    await registerAndAssign(page, batchTwo, education);
    cityPath = await registerAndAssign(page, cityItem, { search: '昆明市', label: '昆明市人民政府' });
  });

  test('the leader finds the item they oversee on 我的批示 and gives a 批示 that starts a new item', async () => {
    const page = await desk.as('leader', '/instructions');
    const row = page.locator('.ant-table-row').filter({ hasText: overseen });
    await expect(row).toBeVisible();
    await expect(row.getByText('分管', { exact: true })).toBeVisible();
    await expect(row.getByText('已交办')).toBeVisible();

    await page.getByRole('button', { name: /作出批示$/ }).click();
    const dialog = page.getByRole('dialog', { name: '作出批示' });
    await dialog.getByLabel('批示内容').fill('请教育厅会同有关部门研究农村学校冬季供暖问题。');
    await dialog.getByLabel('新事项标题').fill(spawned);
    await searchAndPick(page, dialog.getByLabel('牵头单位'), '教育厅', '云南省教育厅');
    await dialog.getByRole('button', { name: buttonName('作出批示') }).click();
    await expect(page.getByText(/批示已送达，已生成督查事项 \S*督〔\d{4}〕\d+号/)).toBeVisible();
    await expect(dialog).toBeHidden();
    const created = page.locator('.ant-table-row').filter({ hasText: spawned });
    await expect(created.getByText('拟办')).toBeVisible();
    await expect(created).toContainText('请教育厅会同有关部门研究农村学校冬季供暖问题。');
    await saveScreenshot(page, 'leader-instructions.png');
  });

  test('on a 390×844 phone the leader instructs on an item from a plain text box', async ({ browser }) => {
    await desk.close();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto('/instructions');
    await signIn(page, 'leader');
    const card = page.locator('.ant-card').filter({ hasText: overseen });
    await expect(card).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity)).toBeLessThanOrEqual(391);

    await page.getByRole('button', { name: /作出批示$/ }).tap();
    const dialog = page.getByRole('dialog', { name: '作出批示' });
    const text = dialog.getByLabel('批示内容');
    // A plain textarea: the phone keyboard's voice input (语音输入) types into it like any text.
    expect(await text.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await text.fill('请月底前拿出方案。');
    const onItem = dialog.getByLabel('批示的事项');
    await onItem.click();
    await onItem.pressSequentially(overseen);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: overseen }).tap();
    await dialog.getByRole('button', { name: buttonName('作出批示') }).tap();
    await expect(page.getByText('批示已送达', { exact: true })).toBeVisible();
    await expect(card).toContainText('请月底前拿出方案。');
    await saveScreenshot(page, 'leader-phone.png');
    await phone.close();
    phone = undefined;
  });

  test('jyt signs for two items at once in the 待办 centre; they move to 已办', async () => {
    const page = await desk.as('jyt', '/todo');
    const group = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(/^待签收/) });
    for (const title of [batchOne, batchTwo]) {
      await group.getByRole('checkbox', { name: new RegExp(`${title}$`) }).check();
    }
    await group.getByRole('button', { name: /^批量签收/ }).click();
    await expect(page.getByText('2 项已全部办理')).toBeVisible();
    await expect(group.getByRole('link', { name: batchOne, exact: true })).toHaveCount(0);
    await saveScreenshot(page, 'todo-batch.png');

    await page.getByRole('tab', { name: '已办' }).click();
    for (const title of [batchOne, batchTwo]) {
      const row = page.locator('.ant-list-item').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      await expect(row.getByText('签收', { exact: true })).toBeVisible();
    }
  });

  test('on a phone the B角 opens the bell: it fits the screen and says the 签收 is already done', async ({ browser }) => {
    await desk.close();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto('/');
    await signIn(page, 'jyt_b');
    await page
      .getByRole('button', { name: /^(消息通知|通知)/ })
      .first()
      .tap();
    const panel = page.locator('.ant-popover:visible');
    await expect(panel).toBeVisible();
    const line = panel.locator('.ant-list-item').filter({ hasText: batchOne });
    await expect(line.getByText(/已由.*办理/)).toBeVisible();
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await saveScreenshot(page, 'bell-phone.png');
    await phone.close();
    phone = undefined;
  });

  test('昆明市政府督查室 sees it acts as 承办 for its government, and signs for the item', async () => {
    const page = await desk.as('km_ducha', cityPath);
    await expect(fact(page, '由谁办理')).toContainText('由该政府督查室作为承办');
    await expect(fact(page, '由谁办理')).toContainText('您作为本级政府督查室办理本事项');
    const accept = await openAction(page, '签收');
    await confirmAction(page, accept, '签收', '已签收');
    await expect(statusTag(page)).toHaveText('已签收');
  });
});
