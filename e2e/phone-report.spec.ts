/**
 * Phone-first reporting (issue 13 item 3) and lists that identify (items 5, 6). The 督查室 (ducha) registers and 交办s
 * this spec's own item to 省教育厅 (reported monthly); its handler (jyt) 签收s it and files a first report at the
 * desk. Then, on a 390×844 phone, jyt opens the item (as from a notification link): 报送进展 is the first action and
 * visible without scrolling, the form comes pre-filled with everything the last report said and with this month as
 * the one 报送期次, and a routine report — edit 本期进展, change the percentage, send — is counted in taps and seconds.
 * The ledger on the phone is a card list, most urgent first, with its filters in a drawer; on a 1440 px screen its
 * default columns fit without sideways scrolling and show the newest report's text.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  Desk,
  actionBar,
  buttonName,
  confirmAction,
  openAction,
  option,
  saveScreenshot,
  searchAndPick,
  section,
  signIn,
  statusTag,
  users,
} from './helpers';

/** 报送期次 of this month as the form names it (Beijing time). */
function thisMonth(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月`;
}

const firstReport = {
  done: '完成全省 16 个州市学位缺口摸底，确定新建改扩建学校 42 所。',
  nextSteps: '启动首批 12 所学校建设。',
  problems: '部分县区配套资金未落实。',
  percent: 20,
};

async function register(page: Page, title: string): Promise<string> {
  await page.getByRole('menuitem', { name: /\s登记督办事项$/ }).click();
  await expect(page).toHaveURL(/\/tasks\/new$/);
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('来源', { exact: true }).click();
  await option(page, '会议决定事项').click();
  await page.getByLabel('会议', { exact: true }).fill('省政府第37次常务会议');
  await page.getByLabel('督办内容').fill('按照常务会议决定推进，并按月报送进展。');
  await page.getByRole('spinbutton', { name: '交办后 N 个工作日' }).fill('20');
  await searchAndPick(page, page.getByLabel('牵头单位'), '教育厅', '云南省教育厅');
  await page.getByRole('button', { name: buttonName('登记') }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

test.describe.serial('报送进展 on a phone: the routine report in a few taps', () => {
  let desk: Desk;
  let phone: BrowserContext | undefined;
  const title = `e2e手机报送${Date.now()}`;
  let itemPath = '';
  let serialNumber = '';

  test.beforeAll(({ browser }) => {
    desk = new Desk(browser);
  });

  test.afterAll(async () => {
    await desk.close();
    await phone?.close();
  });

  test('ducha registers and 交办s the item; its number carries the province’s prefix', async () => {
    const page = await desk.as('ducha');
    itemPath = await register(page, title);
    // The number under the title (the similar-items panel lists other items' numbers as links).
    serialNumber =
      (await page
        .locator('span.ant-typography')
        .getByText(/^\S+督〔\d{4}〕\d+号$/)
        .textContent()) ?? '';
    expect(serialNumber).toMatch(/^云督〔\d{4}〕\d+号$/);
    const assign = await openAction(page, '交办');
    await confirmAction(page, assign, '交办', '已交办');
  });

  test('jyt 签收s it and files the first report at the desk', async () => {
    const page = await desk.as('jyt', itemPath);
    const accept = await openAction(page, '签收');
    await confirmAction(page, accept, '签收', '已签收');
    await actionBar(page)
      .getByRole('button', { name: /报送进展/ })
      .click();
    const drawer = page.getByRole('dialog', { name: /^报送进展反馈 · \S*督〔\d{4}〕\d+号$/ });
    await expect(drawer.getByLabel('报送期次')).toHaveValue(thisMonth());
    await drawer.getByRole('spinbutton', { name: '完成进度' }).fill(String(firstReport.percent));
    await drawer.getByLabel('本期进展').fill(firstReport.done);
    await drawer.getByLabel('下步计划').fill(firstReport.nextSteps);
    await drawer.getByLabel('存在问题').fill(firstReport.problems);
    await drawer.getByRole('button', { name: buttonName('报送进展') }).click();
    await expect(page.getByText('进展反馈已报送')).toBeVisible();
    // The report names the person who filed it and their unit, not the 督查室.
    const report = section(page, '进展反馈').locator('.ant-card-small.ant-card-type-inner').first();
    await expect(report).toContainText(`报送人 ${users.jyt}（云南省教育厅）`);
  });

  test('on a 390×844 phone the routine report takes at most 5 taps and under a minute', async ({ browser }) => {
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(itemPath);
    await signIn(page, 'jyt');
    await expect(page).toHaveURL(itemPath);
    await expect(statusTag(page)).toHaveText('已签收');

    // 报送进展 is the first action, on the first screen: no scrolling.
    const reportButton = actionBar(page).getByRole('button', { name: /报送进展/ });
    await expect(reportButton).toBeInViewport();
    const box = await reportButton.boundingBox();
    expect((box?.y ?? 844) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await saveScreenshot(page, 'phone-report-item.png');

    let taps = 0;
    const started = Date.now();
    taps++;
    await reportButton.tap();
    const drawer = page.getByRole('dialog', { name: /^报送进展反馈 · \S*督〔\d{4}〕\d+号$/ });
    await expect(drawer).toBeVisible();
    // Everything the last report said is there; the period is this month — one name per reporting cycle.
    await expect(drawer.getByLabel('报送期次')).toHaveValue(thisMonth());
    await expect(drawer.getByLabel('本期进展')).toHaveValue(firstReport.done);
    await expect(drawer.getByLabel('下步计划')).toHaveValue(firstReport.nextSteps);
    await expect(drawer.getByLabel('存在问题')).toHaveValue(firstReport.problems);
    await expect(drawer.getByRole('spinbutton', { name: '完成进度' })).toHaveValue(String(firstReport.percent));
    await saveScreenshot(page, 'phone-report-form.png');

    // What changed: a sentence added to 本期进展, and the percentage.
    const done = drawer.getByLabel('本期进展');
    taps++;
    await done.tap();
    await page.keyboard.press('End');
    await page.keyboard.type('首批 12 所学校已开工。');
    const percent = drawer.getByRole('spinbutton', { name: '完成进度' });
    taps++;
    await percent.tap();
    await percent.fill('35');
    taps++;
    await drawer.getByRole('button', { name: buttonName('报送进展') }).tap();
    await expect(page.getByText('进展反馈已报送')).toBeVisible();
    const seconds = (Date.now() - started) / 1000;

    const figure = `${taps} taps, ${seconds.toFixed(1)} s (browser time, typing included) from the item page to 已报送`;
    test.info().annotations.push({ type: 'routine report on a phone', description: figure });
    console.log(`routine report on a 390×844 phone: ${figure}`);
    expect(taps).toBeLessThanOrEqual(5);
    expect(seconds).toBeLessThan(60);

    const latest = section(page, '进展反馈').locator('.ant-card-small.ant-card-type-inner').first();
    await expect(latest).toContainText(thisMonth());
    await expect(latest).toContainText(`${firstReport.done}首批 12 所学校已开工。`);
    await expect(latest).toContainText(firstReport.nextSteps); // carried over without a keystroke
    // Both reports of the month carry the month's one name.
    await expect(section(page, '进展反馈').getByText(thisMonth(), { exact: true })).toHaveCount(2);
  });

  test('the phone ledger is a card list, most urgent first, with its filters in a drawer', async () => {
    const page = phone ? (phone.pages()[0] ?? (await phone.newPage())) : undefined;
    if (!page) throw new Error('no phone');
    await page.goto('/ledger');
    const cards = page.getByRole('list', { name: '督查工作台账' }).getByRole('listitem');
    await expect(cards.first()).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(391);
    const lights = await cards.locator('.ant-badge-status-text').allTextContents();
    const rank = { 红灯: 2, 黄灯: 1, 绿灯: 0 } as Record<string, number>;
    const ranks = lights.map((light) => rank[light] ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await saveScreenshot(page, 'phone-ledger.png');

    await page.getByRole('button', { name: /筛选/ }).tap();
    const filters = page.getByRole('dialog', { name: '筛选' });
    await expect(filters).toBeVisible();
    await filters.getByPlaceholder('搜索编号、标题或内容').fill(title);
    await filters.getByPlaceholder('搜索编号、标题或内容').press('Enter');
    await filters.getByRole('button', { name: 'Close' }).tap();
    await expect(page.getByRole('button', { name: /筛选（1）/ })).toBeVisible();
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText(serialNumber);
    await expect(cards.first()).toContainText('首批 12 所学校已开工。');
  });

  test('on a 1440 px screen the ledger’s default columns fit and show the newest report’s text', async ({ browser }) => {
    const wide = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await wide.newPage();
      await page.goto(`/ledger?q=${encodeURIComponent(title)}`);
      await signIn(page, 'ducha');
      const table = page.locator('.ant-table-content, .ant-table-body').first();
      await expect(page.getByRole('columnheader', { name: '最新进展' })).toBeVisible();
      const row = page.locator('.ant-table-row').filter({ hasText: serialNumber });
      await expect(row).toContainText('首批 12 所学校已开工。');
      const { scrollWidth, clientWidth } = await table.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
      await saveScreenshot(page, 'ledger-1440.png');
    } finally {
      await wide.close();
    }
  });
});
