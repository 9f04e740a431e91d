/**
 * Smoke journey, as a new user would do it: Chinese sign-in with TOTP, the Yunnan organisation tree, adding a
 * department and a person, the English switch, the audit trail of that change, and the org page on a phone.
 * The journey tests share one browser page (and the department they create), so they run in order.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { enterTotp } from './helpers';

const demoPassword = 'Demo#Luoshi2026';
/** Fixed TOTP secrets of the demo administrators (server/src/demo/seed-demo.ts). */
const totpSecrets: Record<string, string> = {
  sysadmin: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD',
  auditadmin: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR',
};

type Division = { code: string; name: string; level: string; parentCode: string | null };
const divisions = JSON.parse(
  readFileSync(new URL('../server/src/modules/org/seed/yunnan-divisions.json', import.meta.url), 'utf8'),
) as Division[];
/** The 16 州市 governments, e.g. 昆明市人民政府 … 迪庆藏族自治州人民政府. */
const prefectureGovernments = divisions.filter((d) => d.level === 'prefecture').map((d) => `${d.name}人民政府`);

const screenshotDir = new URL('./test-results/', import.meta.url);

/** Signs in through the login form; `username` with a TOTP secret also completes the 双因素认证 step. */
async function signIn(page: Page, username: string): Promise<void> {
  await expect(page.getByText('用户登录')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const secret = totpSecrets[username];
  if (secret) {
    await expect(page.getByText('双因素认证')).toBeVisible();
    await enterTotp(page, secret, /验\s*证/);
  }
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * A unit's row in the org tree. antd renders the tree as a flat list of `treeitem`s whose accessible name also holds
 * the expand icon's label ("plus-square 昆明市人民政府"), so match the title text instead.
 */
function treeItem(page: Page, name: string, scope: Page | Locator = page): Locator {
  return scope
    .getByRole('tree')
    .getByRole('treeitem')
    .filter({ has: page.locator('.ant-tree-title').getByText(name, { exact: true }) });
}

/** Depth of a tree row: 0 for the province government, 1 for its children, … */
function depthOf(item: Locator): Promise<number> {
  return item.locator('.ant-tree-indent-unit').count();
}

test.describe.serial('smoke journey (desktop)', () => {
  let page: Page;
  const departmentName = `e2e测试局${Date.now()}`;
  const personName = '测试员甲';
  let departmentId = '';

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('opening / leads to the Chinese sign-in page', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText('用户登录')).toBeVisible();
    await expect(page.getByText('云南省政府督查督办平台')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('sysadmin signs in with password and TOTP code', async () => {
    await signIn(page, 'sysadmin');
    await expect(page.getByText('系统管理员（演示）').first()).toBeVisible();
  });

  test('组织机构 shows the province government with its 16 州市 governments', async () => {
    await page.getByRole('menuitem', { name: /组织机构/ }).click();
    await expect(page).toHaveURL(/\/org/);

    const province = treeItem(page, '云南省人民政府');
    await expect(province).toBeVisible();
    await expect(province).toHaveAttribute('aria-expanded', 'true');
    expect(await depthOf(province)).toBe(0);

    expect(prefectureGovernments).toHaveLength(16);
    for (const name of prefectureGovernments) {
      const item = treeItem(page, name);
      await expect(item, name).toBeVisible();
      expect(await depthOf(item), `${name} sits directly under 云南省人民政府`).toBe(1);
    }

    const kunming = treeItem(page, '昆明市人民政府');
    await kunming.locator('.ant-tree-switcher').click();
    await expect(kunming).toHaveAttribute('aria-expanded', 'true');
    const wuhua = treeItem(page, '五华区人民政府');
    await expect(wuhua).toBeVisible();
    expect(await depthOf(wuhua)).toBe(2);
  });

  test('sysadmin adds a department under 云南省人民政府 and a person in it', async () => {
    await treeItem(page, '云南省人民政府').locator('.ant-tree-title').click();
    await page.getByRole('tab', { name: '下级单位' }).click();
    await page.getByRole('button', { name: /新增下级单位/ }).click();

    const unitModal = page.getByRole('dialog', { name: /新增下级单位 · 云南省人民政府/ });
    await expect(unitModal).toBeVisible();
    await unitModal.getByLabel('单位名称').fill(departmentName);
    await unitModal.getByRole('button', { name: /保\s*存/ }).click();
    await expect(unitModal).toBeHidden();
    await expect(page.getByText('新增成功')).toBeVisible();

    const department = treeItem(page, departmentName);
    await expect(department).toBeVisible();
    expect(await depthOf(department)).toBe(1);
    await department.locator('.ant-tree-title').click();
    await expect(page).toHaveURL(/[?&]unit=[0-9a-f-]{36}/);
    departmentId = new URL(page.url()).searchParams.get('unit') ?? '';
    const detail = page.locator('.ant-card').filter({ has: page.getByRole('tab', { name: '人员' }) });
    await expect(detail.locator('.ant-card-head')).toContainText(departmentName);
    await expect(detail.locator('.ant-card-head')).toContainText('部门');

    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('button', { name: /新增人员/ }).click();
    const personModal = page.getByRole('dialog', { name: '新增人员' });
    await personModal.getByLabel('姓名').fill(personName);
    await personModal.getByLabel('职务').fill('科员');
    await personModal.getByRole('button', { name: /保\s*存/ }).click();
    await expect(personModal).toBeHidden();
    const personRow = page.getByRole('row').filter({ hasText: personName });
    await expect(personRow).toBeVisible();
    await expect(personRow).toContainText('科员');
  });

  test('the English switch translates labels and keeps Chinese unit names', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: new URL('org-zh.png', screenshotDir).pathname, fullPage: true });

    // The switch's visible text (its accessible name) names the other language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('menuitem', { name: /Organisation/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'People' })).toBeVisible();
    await expect(page.getByRole('button', { name: /New person/ })).toBeVisible();
    await expect(treeItem(page, '云南省人民政府')).toBeVisible();
    await expect(treeItem(page, '昆明市人民政府')).toBeVisible();
    await expect(treeItem(page, departmentName)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: personName })).toBeVisible();
    await page.screenshot({ path: new URL('org-en.png', screenshotDir).pathname, fullPage: true });

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('menuitem', { name: /组织机构/ })).toBeVisible();
  });

  test('auditadmin finds the unit.created event and the log verifies as intact', async () => {
    expect(departmentId, 'the department was created').not.toBe('');
    await page.getByText('系统管理员（演示）').first().hover();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/login/);

    await signIn(page, 'auditadmin');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await expect(page).toHaveURL(/\/admin\/audit/);

    // 新增单位 is the zh-CN label of `unit.created`; the row's 对象标识 is the new department's id.
    const eventRow = page.getByRole('row').filter({ hasText: departmentId });
    await expect(eventRow).toHaveCount(1);
    await expect(eventRow).toContainText('新增单位');
    await expect(eventRow).toContainText('sysadmin');
    await expect(eventRow).toContainText('成功');
    await eventRow.getByRole('button', { name: /展开行/ }).click();
    await expect(page.locator('.ant-table-expanded-row').getByText(departmentName).first()).toBeVisible();

    await page.getByRole('button', { name: /校验日志完整性/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: /日志完整：已校验 \d+ 条事件，未发现篡改。/ })).toBeVisible();
  });
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('ducha sees the org page without horizontal overflow and reaches the tree', async ({ page }) => {
    await page.goto('/org');
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, 'ducha');
    await expect(page).toHaveURL(/\/org/);

    await expect(page.getByText('组织机构由系统管理员维护，您只能查看。')).toBeVisible();
    await expect(page.getByRole('tab', { name: '基本信息' })).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
    expect(scrollWidth).toBeLessThanOrEqual(375 + 1);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: new URL('org-phone.png', screenshotDir).pathname, fullPage: true });

    await page.getByRole('button', { name: /选择单位/ }).click();
    const drawer = page.getByRole('dialog', { name: '选择单位' });
    await expect(drawer).toBeVisible();
    await expect(treeItem(page, '云南省人民政府', drawer)).toBeVisible();
    const kunming = treeItem(page, '昆明市人民政府', drawer);
    await expect(kunming).toBeVisible();
    await kunming.locator('.ant-tree-title').click();
    await expect(drawer).toBeHidden();
    await expect(page.locator('.ant-card-head').filter({ hasText: '昆明市人民政府' })).toBeVisible();
    const afterWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
    expect(afterWidth).toBeLessThanOrEqual(375 + 1);
  });
});
