/**
 * 督办事项 journey, as the people involved would do it in the browser: the 督查室 (ducha) registers an item from a
 * 常务会议 decision and assigns it, the 省教育厅 (jyt) accepts it, names a 承办人 and asks to close it, the 督查室
 * sends it back once, approves the second request, evaluates and archives it, and the 时间线 tells the whole story.
 * Each step is one person at their own computer: a fresh browser context that opens 督办事项 and signs in. The steps
 * build on each other, so they run in order.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  actionBar,
  buttonName,
  confirmAction,
  fact,
  openAction,
  openList,
  option,
  screenshotDir,
  searchAndPick,
  signIn,
  statusTag,
  type DemoUser,
  fillCompletionProof,
} from './helpers';

test.describe.serial('督办事项 journey: 登记 → 交办 → 签收 → 办理 → 退回重办 → 办结 → 评价 → 归档', () => {
  let context: BrowserContext | undefined;
  let page: Page;
  const title = `e2e督办事项${Date.now()}`;
  const meeting = '省政府第36次常务会议';
  const content = '按照常务会议决定，2026 年秋季学期前完成 30 所义务教育学校校舍改造，并报送完成情况。';
  const firstSummary = '已完成 30 所学校校舍改造，资金已拨付到位。';
  const sendBackReason = '请补充各州市学校名单和资金拨付凭证。';
  const secondSummary = '已补充 30 所学校名单（附表）和资金拨付凭证。';
  let itemPath = '';
  let serialNumber = '';
  let handlerName = '';

  /** The next person: a new browser context (no shared cookies) signed in as `username` on 督办事项. */
  async function sessionOf(browser: Browser, username: DemoUser): Promise<void> {
    await context?.close();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, username);
    await expect(page).toHaveURL(/\/tasks/);
  }

  test.beforeAll(() => {
    mkdirSync(screenshotDir, { recursive: true });
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test('ducha registers an item from a 常务会议 decision and assigns it to 云南省教育厅', async ({ browser }) => {
    await sessionOf(browser, 'ducha');

    await page.getByRole('menuitem', { name: /\s登记督办事项$/ }).click();
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('来源', { exact: true }).click();
    await option(page, '会议决定事项').click();
    await page.getByLabel('会议', { exact: true }).fill(meeting);
    await page.getByLabel('督办内容').fill(content);
    await expect(page.getByRole('radio', { name: '交办后 N 个工作日' })).toBeChecked();
    await page.getByRole('spinbutton', { name: '交办后 N 个工作日' }).fill('20');
    await searchAndPick(page, page.getByLabel('牵头单位'), '教育厅', '云南省教育厅');
    const cooperating = page.getByLabel('配合单位');
    await searchAndPick(page, cooperating, '财政厅', '云南省财政厅');
    await searchAndPick(page, cooperating, '发展和改革', '云南省发展和改革委员会');
    await cooperating.press('Escape');
    await page.getByRole('button', { name: buttonName('登记') }).click();

    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    itemPath = new URL(page.url()).pathname;
    await expect(page.getByText('督办事项已登记')).toBeVisible();
    await expect(page.locator('.ant-page-header-heading-title')).toHaveText(title);
    await expect(statusTag(page)).toHaveText('拟办');
    const serial = page.getByText(/^\S*督〔\d{4}〕\d+号$/);
    await expect(serial).toBeVisible();
    serialNumber = (await serial.textContent()) ?? '';
    expect(serialNumber).not.toBe('云督〔2026〕2号'); // a new number, not a demo item's
    await expect(fact(page, '来源')).toHaveText('会议决定事项');
    await expect(fact(page, '牵头单位')).toHaveText('云南省教育厅');
    // Listed in the organisation's order, not in the order they were picked.
    const cooperatingTags = fact(page, '配合单位').locator('.ant-tag');
    await expect(cooperatingTags).toHaveCount(2);
    await expect(cooperatingTags.getByText('云南省财政厅', { exact: true })).toBeVisible();
    await expect(cooperatingTags.getByText('云南省发展和改革委员会', { exact: true })).toBeVisible();
    await expect(fact(page, '办结时限')).toHaveText('交办后 20 个工作日');
    await expect(page.getByText(meeting, { exact: true })).toBeVisible();
    await expect(page.getByText(content, { exact: true })).toBeVisible();

    const assign = await openAction(page, '交办');
    await confirmAction(page, assign, '交办', '已交办');
    // 交办 turns "20 working days" into a date.
    await expect(fact(page, '办结时限')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await expect(fact(page, '交办时间')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(actionBar(page).getByRole('button', { name: buttonName('交办') })).toHaveCount(0);

    // 督办通知单: only checked when the page offers it.
    const notice = page.getByRole('link', { name: /督办通知单/ }).or(page.getByRole('button', { name: /督办通知单/ }));
    if ((await notice.count()) > 0) {
      const download = page.waitForEvent('download');
      await notice.first().click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    } else {
      test.info().annotations.push({ type: 'note', description: 'the item page has no 督办通知单 link' });
    }
  });

  test('jyt finds it under 我的待办, 签收, names a 承办人 and asks to close it', async ({ browser }) => {
    await sessionOf(browser, 'jyt');
    await openList(page, true);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(serialNumber);
    await expect(row).toContainText('已交办');
    await expect(row).toContainText('云南省教育厅');
    await page.screenshot({ path: new URL('task-list.png', screenshotDir).pathname, fullPage: true });
    await row.getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);

    await expect(statusTag(page)).toHaveText('已交办');
    await expect(actionBar(page).getByRole('button', { name: buttonName('退回') })).toBeVisible();
    const accept = await openAction(page, '签收');
    await confirmAction(page, accept, '签收', '已签收');

    const start = await openAction(page, '指定承办人');
    await start.getByLabel('承办人').click();
    const firstPerson = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await expect(firstPerson).toHaveAttribute('title', / · /);
    handlerName = ((await firstPerson.getAttribute('title')) ?? '').split(' · ')[0] ?? '';
    expect(handlerName).not.toBe('');
    await firstPerson.click();
    await confirmAction(page, start, '指定承办人', '办理中');
    await expect(fact(page, '承办人')).toHaveText(handlerName);

    const request = await openAction(page, '申请办结');
    await request.getByLabel('办结情况').fill(firstSummary);
    await fillCompletionProof(request);
    await confirmAction(page, request, '申请办结', '申请办结');
    await expect(page.getByText('您当前对该事项没有可执行的操作')).toBeVisible();
  });

  test('ducha sends it back with a reason (退回重办次数 1)', async ({ browser }) => {
    await sessionOf(browser, 'ducha');
    await openList(page, true);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('申请办结');
    await row.getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    await expect(statusTag(page)).toHaveText('申请办结');
    await expect(fact(page, '退回重办次数')).toHaveText('0');

    const sendBack = await openAction(page, '退回重办');
    await sendBack.getByLabel('退回重办理由').fill(sendBackReason);
    await sendBack.getByRole('button', { name: buttonName('退回重办') }).click();
    // Undoing work asks once more.
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText('确定退回重办吗？');
    await confirm.getByRole('button', { name: buttonName('退回重办') }).click();
    await expect(sendBack).toBeHidden();
    await expect(statusTag(page)).toHaveText('办理中');
    await expect(fact(page, '退回重办次数')).toHaveText('1');
  });

  test('jyt asks to close it again', async ({ browser }) => {
    await sessionOf(browser, 'jyt');
    await openList(page, true);
    await page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    await expect(statusTag(page)).toHaveText('办理中');
    await expect(fact(page, '承办人')).toHaveText(handlerName);
    const request = await openAction(page, '申请办结');
    await request.getByLabel('办结情况').fill(secondSummary);
    await fillCompletionProof(request);
    await confirmAction(page, request, '申请办结', '申请办结');
  });

  test('ducha approves, evaluates and archives it', async ({ browser }) => {
    await sessionOf(browser, 'ducha');
    await page.goto(itemPath);
    await expect(statusTag(page)).toHaveText('申请办结');

    const approve = await openAction(page, '同意办结');
    await approve.getByLabel('审核意见').fill('同意办结。');
    await confirmAction(page, approve, '同意办结', '已办结');
    await expect(fact(page, '办结时间')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const evaluate = await openAction(page, '评价');
    const stars = { 质量: 5, 时效: 4, 满意度: 5 } as const;
    for (const [label, value] of Object.entries(stars)) {
      await evaluate
        .locator('.ant-form-item')
        .filter({ has: page.locator('label').getByText(label, { exact: true }) })
        .locator('.ant-rate-star')
        .nth(value - 1)
        .click();
    }
    await confirmAction(page, evaluate, '评价', '已评价');
    const evaluation = fact(page, '评价');
    await expect(evaluation.getByLabel('5 分')).toHaveCount(2);
    await expect(evaluation.getByLabel('4 分')).toHaveCount(1);

    const archive = await openAction(page, '归档销号');
    await confirmAction(page, archive, '归档销号', '已归档');
    await expect(page.getByText('您当前对该事项没有可执行的操作')).toBeVisible();
  });

  test('the 时间线 tells every step in order, with the 退回重办 reason', async () => {
    await page.reload();
    await expect(statusTag(page)).toHaveText('已归档');
    const timeline = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head').getByText('时间线', { exact: true }) });
    const expected = ['登记', '交办', '签收', '指定承办人', '申请办结', '退回重办', '申请办结', '同意办结', '评价', '归档销号'];
    const shown = timeline.locator('.ant-timeline-item strong');
    await expect(shown).toHaveText(expected);
    const sendBack = timeline.locator('.ant-timeline-item').nth(expected.indexOf('退回重办'));
    await expect(sendBack).toContainText(`退回重办理由：${sendBackReason}`);
    await expect(sendBack).toContainText('省政府督查室督查员');
    const requests = timeline.locator('.ant-timeline-item').filter({ has: page.locator('strong').getByText('申请办结', { exact: true }) });
    await expect(requests.nth(0)).toContainText(`办结情况：${firstSummary}`);
    await expect(requests.nth(1)).toContainText(`办结情况：${secondSummary}`);
    await expect(timeline.locator('.ant-timeline-item').last()).toContainText('已评价→已归档');
    await page.screenshot({ path: new URL('task-item.png', screenshotDir).pathname, fullPage: true });
  });

  test('jyt acting on a stale page is refused and sees the current state', async ({ browser }) => {
    await sessionOf(browser, 'jyt');
    await openList(page, true);
    const demoRow = page.getByRole('row').filter({ hasText: '新建改扩建义务教育学校' });
    await expect(demoRow).toContainText('已交办');
    await demoRow.getByRole('link', { name: /^\S*督〔\d{4}〕\d+号$/ }).click();
    await expect(statusTag(page)).toHaveText('已交办');
    // Only the lead unit's actions: no 交办, 同意办结 or 催办 for jyt.
    await expect(actionBar(page).getByRole('button')).toHaveText([buttonName('签收'), buttonName('退回')]);

    // The same item in a second tab of the same session, accepted there first.
    const other = await page.context().newPage();
    try {
      await other.goto(page.url());
      const accept = await openAction(other, '签收');
      await confirmAction(other, accept, '签收', '已签收');
    } finally {
      await other.close();
    }

    // The first tab still offers 签收; the server refuses it and the page reloads the current state.
    const stale = await openAction(page, '签收');
    await stale.getByRole('button', { name: buttonName('签收') }).click();
    await expect(page.getByText('该记录已被他人修改，已重新加载最新内容，请核对后再提交。')).toBeVisible();
    await expect(stale).toBeHidden();
    await expect(statusTag(page)).toHaveText('已签收');
    await expect(actionBar(page).getByRole('button', { name: buttonName('签收') })).toHaveCount(0);
  });
});
