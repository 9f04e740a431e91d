/**
 * Accessibility (issue 13 item 8): axe-core finds no serious or critical violation of WCAG 2.1 A/AA on the pages
 * people use every day — the sign-in page (with its demo list), the work desk, the ledger, an item page and the
 * report form — on a desktop screen and on a 390×844 phone. A failure names each rule and the elements it found.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const screens = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** An item the demo's 省教育厅 handler reports on (server/src/demo/tasks.demo-roadmap.ts). */
const itemTitle = '开展校园食品安全专项整治';

/**
 * Runs axe on what the page shows now and expects no serious or critical violation; soft, so that one run reports
 * every page. A failure names the rule, the elements and (for contrast) the colours and ratio axe measured.
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
  // Let antd's entry animations finish: a half-faded element reads as low contrast.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 6)
          .map((n) => `${n.target.join(' ')} [${v.id === 'color-contrast' ? (n.any[0]?.message ?? '') : n.html.slice(0, 200)}]`)
          .join(' | ')}`,
    );
  expect.soft(serious, `axe on ${where}`).toEqual([]);
}

for (const screen of screens) {
  test.describe(`axe-core at ${screen.name} width`, () => {
    test.use({ viewport: screen.viewport });

    test(`sign-in, work desk, ledger, item page and report form (${screen.name})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/login');
      await expect(page.getByText('用户登录')).toBeVisible();
      await expect(page.getByText('演示模式：数据均为虚构')).toBeVisible();
      await expectAccessible(page, 'the sign-in page');

      await signIn(page, 'jyt');
      await expect(page.locator('.ant-card-loading')).toHaveCount(0);
      await expect(page.locator('main')).toBeVisible();
      await expectAccessible(page, 'the work desk');

      await page.goto(`/ledger?q=${encodeURIComponent(itemTitle)}`);
      const item = page.getByRole('link', { name: itemTitle }).or(page.getByText(itemTitle)).first();
      await expect(item).toBeVisible({ timeout: 15_000 });
      await expectAccessible(page, 'the ledger');

      await item.click();
      await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('button', { name: /报送进展/ }).first()).toBeVisible({ timeout: 15_000 });
      await expectAccessible(page, 'the item page');

      await page
        .getByRole('button', { name: /报送进展/ })
        .first()
        .click();
      const form = page.getByRole('dialog', { name: /^报送进展反馈 · / });
      await expect(form).toBeVisible();
      await expect(form.getByLabel('本期进展')).toBeVisible();
      await expectAccessible(page, 'the report form');
    });
  });
}
