/**
 * 工作台 journeys (issue 13 item 2): each role's home page is its work desk, and one tap on an entry opens the item
 * page where that role's step is offered. The 督查室 (ducha) registers the spec's own items (unique titles, so other
 * specs' data does not matter): two are 交办 to 省教育厅, whose handler (jyt) finds them under 待签收 with the working
 * days left and 签收s one from there, and whose B角 (jyt_b) on a 390×844 phone reaches the other's 签收 in one tap; and one is 报请审批 to the 分管 副省长
 * (leader), who finds it under 待审批 and 同意交办s it. The steps build on each other, so they run in order.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import {
  Desk,
  actionBar,
  buttonName,
  confirmAction,
  openAction,
  option,
  saveScreenshot,
  searchAndPick,
  signIn,
  statusTag,
} from './helpers';

/** The 分管 副省长 of 省教育厅 in the demo data, the person behind the `leader` account. */
const educationLeader = '邹晓梅（副省长）';

/** The desk card of a group by its title (待签收, 待审批 …). */
function deskGroup(page: Page, title: string): Locator {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });
}

/** The entry of the item titled `title` in a desk group. */
function deskEntry(group: Locator, title: string): Locator {
  return group.locator('.ant-list-item').filter({ has: group.page().getByRole('link', { name: title, exact: true }) });
}

/** Waits for the desk to have loaded (a group, or the empty card) — the 今日待办 card spins until then. */
async function deskLoaded(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.ant-card-loading')).toHaveCount(0);
}

/**
 * ducha registers an item to 云南省教育厅 from the 登记督办事项 form (20 working days after 交办), optionally naming
 * the 分管领导, and returns the item page's path; the item is left a 拟办 draft.
 */
async function register(page: Page, title: string, leader?: string): Promise<string> {
  await page.getByRole('menuitem', { name: /\s登记督办事项$/ }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('来源', { exact: true }).click();
  await option(page, '会议决定事项').click();
  await page.getByLabel('会议', { exact: true }).fill('省政府第37次常务会议');
  await page.getByLabel('督办内容').fill('按照常务会议决定推进，并按月报送进展。');
  await page.getByRole('spinbutton', { name: '交办后 N 个工作日' }).fill('20');
  await searchAndPick(page, page.getByLabel('牵头单位'), '教育厅', '云南省教育厅');
  if (leader) {
    await page.getByLabel('分管领导').click();
    await option(page, leader).click();
  }
  await page.getByRole('button', { name: buttonName('登记') }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(statusTag(page)).toHaveText('拟办');
  return new URL(page.url()).pathname;
}

test.describe.serial('工作台: each role finds its step on home, one tap from the action', () => {
  let desk: Desk;
  const stamp = Date.now();
  const signTitle = `e2e工作台签收${stamp}`;
  const phoneTitle = `e2e工作台手机${stamp}`;
  const approvalTitle = `e2e工作台审批${stamp}`;
  let signPath = '';
  let phonePath = '';
  let approvalPath = '';

  test.beforeAll(({ browser }) => {
    desk = new Desk(browser);
  });

  test.afterAll(async () => {
    await desk.close();
  });

  test('ducha registers two items and 交办s them to 省教育厅, and asks the 分管领导 to approve a third', async () => {
    const page = await desk.as('ducha');
    for (const title of [signTitle, phoneTitle]) {
      const path = await register(page, title);
      if (title === signTitle) signPath = path;
      else phonePath = path;
      const assign = await openAction(page, '交办');
      await confirmAction(page, assign, '交办', '已交办');
    }
    approvalPath = await register(page, approvalTitle, educationLeader);
    const submit = await openAction(page, '报请审批');
    await confirmAction(page, submit, '报请审批', '待审批');
  });

  test('jyt finds the item under 待签收 with days left, 签收s it in one tap, and it leaves 待签收', async () => {
    const page = await desk.as('jyt', '/');
    await deskLoaded(page);
    const signFor = deskGroup(page, '待签收');
    const entry = deskEntry(signFor, signTitle);
    await expect(entry).toBeVisible();
    await expect(entry.getByText(/^(剩 \d+ 个工作日|今天到期)$/)).toBeVisible();
    await expect(entry.getByText('签收', { exact: true })).toBeVisible();
    await expect(entry).toContainText('云南省教育厅');
    await saveScreenshot(page, 'desk-jyt.png');

    await entry.getByRole('link', { name: signTitle, exact: true }).click();
    await expect(page).toHaveURL(signPath);
    const accept = await openAction(page, '签收');
    await confirmAction(page, accept, '签收', '已签收');

    await page.getByRole('menuitem', { name: /\s首页$/ }).click();
    await deskLoaded(page);
    // The other item is still to sign for, so the group is there — without the one just signed for.
    await expect(deskEntry(signFor, phoneTitle)).toBeVisible();
    await expect(deskEntry(signFor, signTitle)).toHaveCount(0);
  });

  test.describe('on a 390×844 phone', () => {
    let context: BrowserContext | undefined;

    test.afterAll(async () => {
      await context?.close();
    });

    test('jyt_b sees the desk without horizontal overflow and one tap reaches 签收', async ({ browser }) => {
      await desk.close();
      context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
      await signIn(page, 'jyt_b');
      await deskLoaded(page);

      const entry = deskEntry(deskGroup(page, '待签收'), phoneTitle);
      await expect(entry).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
      expect(scrollWidth).toBeLessThanOrEqual(390 + 1);
      await saveScreenshot(page, 'desk-phone.png');

      await entry.getByRole('link', { name: phoneTitle, exact: true }).tap();
      await expect(page).toHaveURL(phonePath);
      await expect(statusTag(page)).toHaveText('已交办');
      await expect(actionBar(page).getByRole('button', { name: buttonName('签收') })).toBeVisible();
    });
  });

  test('leader finds the draft under 待审批 and 同意交办s it in one tap', async () => {
    const page = await desk.as('leader', '/');
    await deskLoaded(page);
    const entry = deskEntry(deskGroup(page, '待审批'), approvalTitle);
    await expect(entry).toBeVisible();
    await expect(entry.getByText('同意交办', { exact: true })).toBeVisible();
    await saveScreenshot(page, 'desk-leader.png');

    await entry.getByRole('link', { name: approvalTitle, exact: true }).click();
    await expect(page).toHaveURL(approvalPath);
    await expect(statusTag(page)).toHaveText('待审批');
    const approve = await openAction(page, '同意交办');
    await confirmAction(page, approve, '同意交办', '已交办');

    await page.getByRole('menuitem', { name: /\s首页$/ }).click();
    await deskLoaded(page);
    await expect(page.getByRole('link', { name: approvalTitle, exact: true })).toHaveCount(0);
  });
});
