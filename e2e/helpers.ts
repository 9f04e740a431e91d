/**
 * What the browser journeys share: the demo accounts, signing in as one of them in a fresh browser context (each
 * step is one person at their own computer), and the antd widgets of the item page — action buttons and their
 * modals, the 基本信息 facts, the cards of the sections and the 时间线.
 */
import { mkdirSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';

export const demoPassword = 'Demo#Luoshi2026';

/** Where the journeys save their screenshots (created on first use). */
export const screenshotDir = new URL('./test-results/', import.meta.url);

/** Saves a full-page screenshot as `name` in {@link screenshotDir}. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: new URL(name, screenshotDir).pathname, fullPage: true });
}

/** Demo accounts (server/src/demo/seed-demo.ts) and the name the header shows for each. */
export const users = {
  ducha: '省政府督查室督查员（演示）',
  leader: '副省长（演示）',
  jyt: '省教育厅承办人（演示）',
  jyt_b: '省教育厅承办人B角（演示）',
  jyt_leader: '省教育厅负责人（演示）',
  czt: '省财政厅承办人（演示）',
  km_ducha: '昆明市政府督查室（演示）',
  wuhua: '五华区政府（演示）',
  auditadmin: '审计管理员（演示）',
  secadmin: '安全管理员（演示）',
} as const;
export type DemoUser = keyof typeof users;

/** Fixed TOTP secrets of the demo administrators (server/src/demo/seed-demo.ts). */
const totpSecrets: Partial<Record<DemoUser, string>> = {
  auditadmin: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR',
  secadmin: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ',
};

/** antd puts a space between two CJK characters on a button ("交 办"); match the label with or without it. */
export function buttonName(label: string): RegExp {
  return new RegExp(`^${[...label].join('\\s*')}$`);
}

/**
 * Enters the current 双因素认证 code. The server accepts each code once (replay protection), so when another journey
 * signed the same administrator in during this 30-second window, wait for the next window and use its code.
 */
export async function enterTotp(page: Page, secret: string, verifyButton: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByPlaceholder('000000').fill(await generate({ secret }));
    await page.getByRole('button', { name: verifyButton }).click();
    const signedIn = await page
      .waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (signedIn) return;
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
}

/** Fills the sign-in form (the page shows it), the 双因素认证 code for administrators, and waits for the header. */
export async function signIn(page: Page, username: DemoUser): Promise<void> {
  await expect(page.getByText('用户登录')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: buttonName('登录') }).click();
  const secret = totpSecrets[username];
  if (secret) {
    await expect(page.getByText('双因素认证')).toBeVisible();
    await enterTotp(page, secret, buttonName('验证'));
  }
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByText(users[username]).first()).toBeVisible();
}

/**
 * One person after another at their own computer: `as(username)` closes the previous person's browser context and
 * opens a new one (no shared cookies), goes to `path` and signs in there.
 */
export class Desk {
  private context: BrowserContext | undefined;
  page!: Page;

  constructor(private readonly browser: Browser) {}

  async as(username: DemoUser, path = '/tasks'): Promise<Page> {
    await this.fresh();
    await this.page.goto(path);
    await expect(this.page).toHaveURL(/\/login/);
    await signIn(this.page, username);
    await expect(this.page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}(\\?|$)`));
    return this.page;
  }

  /** The next person's computer, not yet signed in (for accounts that are not demo accounts). */
  async fresh(): Promise<Page> {
    await this.close();
    this.context = await this.browser.newContext();
    this.page = await this.context.newPage();
    return this.page;
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
  }
}

/** The option labelled `label` in the open antd Select dropdown. */
export function option(page: Page, label: string): Locator {
  return page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
}

/** Types into a searchable antd Select (the unit pickers search the server) and picks the option `label`. */
export async function searchAndPick(page: Page, select: Locator, search: string, label: string): Promise<void> {
  await select.click();
  await select.pressSequentially(search);
  await option(page, label).click();
}

/** The item page's status tag (next to the title). */
export function statusTag(page: Page): Locator {
  return page.locator('.ant-page-header-heading-tags');
}

/** The card with the buttons of the actions this reader may take now (the first card of the item page). */
export function actionBar(page: Page): Locator {
  return page.locator('.ant-pro-page-container .ant-card').first();
}

/** A value of the 基本信息 descriptions, e.g. 牵头单位. */
export function fact(page: Page, label: string): Locator {
  return page
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label').getByText(label, { exact: true }) })
    .locator('.ant-descriptions-item-content');
}

/** A card of the item page by its title (进展反馈, 延期申请, 配合单位与协调, 时间线 …). */
export function section(page: Page, title: string): Locator {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });
}

/** The 时间线 entries, oldest first. */
export function timelineItems(page: Page): Locator {
  return section(page, '时间线').locator('.ant-timeline-item');
}

/** Clicks the action button and returns its modal (titled "签收 · 督〔2026〕7号"). */
export async function openAction(page: Page, label: string): Promise<Locator> {
  await actionBar(page)
    .getByRole('button', { name: buttonName(label) })
    .click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} · \\S*督〔\\d{4}〕\\d+号$`) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Confirms the action's modal (its OK button carries the action's label) and waits for the new status. */
export async function confirmAction(page: Page, dialog: Locator, label: string, status: string): Promise<void> {
  await dialog.getByRole('button', { name: buttonName(label) }).click();
  await expect(dialog).toBeHidden();
  await expect(statusTag(page)).toHaveText(status);
}

/**
 * 申请办结's evidence and checklist: uploads a 办结报告 unless one is already offered ticked, then confirms every
 * point of the checklist shown (配合单位 only where the item has some).
 */
export async function fillCompletionProof(dialog: Locator, fileName = '办结报告.pdf'): Promise<void> {
  const evidence = dialog.getByRole('checkbox', { name: fileName });
  if ((await evidence.count()) === 0) {
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%e2e\n') });
    await expect(dialog.getByRole('checkbox', { name: fileName }).first()).toBeChecked();
  }
  for (const point of [
    '目标任务和办理要求已全部完成',
    '佐证材料真实、完整，可供核查',
    '已征求配合单位意见',
    '无遗留问题，或已说明后续安排',
  ]) {
    const box = dialog.getByRole('checkbox', { name: point });
    if ((await box.count()) > 0) await box.check();
  }
}

/** Opens 督办事项 from the menu and sets the 我的待办 switch. */
export async function openList(page: Page, inbox: boolean): Promise<void> {
  await page.getByRole('menuitem', { name: /\s督办事项$/ }).click();
  await expect(page).toHaveURL(/\/tasks(\?|$)/);
  const inboxSwitch = page.getByRole('switch', { name: '我的待办' });
  if ((await inboxSwitch.isChecked()) !== inbox) await inboxSwitch.click();
  await expect(inboxSwitch).toBeChecked({ checked: inbox });
}

/** Today in Beijing as YYYY-MM-DD, the calendar the product counts in. */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Types a date into an antd DatePicker and confirms it. */
export async function pickDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}
