/**
 * 领导驾驶舱 in the browser, as a 副省长 between meetings: the figures show, the Yunnan map draws, a figure
 * leads to the ledger filtered to its items, and on a phone the cards sit two to a row.
 */
import { expect, test, type Page } from '@playwright/test';

const demoPassword = 'Demo#Luoshi2026';

async function signInAsLeader(page: Page): Promise<void> {
  await page.goto('/login?next=/cockpit');
  await page.locator('#username').fill('leader');
  await page.locator('#password').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/cockpit$/);
}

test('the cockpit shows the province at a glance and clicks through to the ledger', async ({ page }) => {
  await signInAsLeader(page);
  await expect(page.getByRole('link', { name: /^督办事项 \d+$/ })).toBeVisible({ timeout: 15_000 });
  // The map is drawn on a canvas inside the lazily loaded chart chunk.
  await expect(page.getByRole('img', { name: '各州市在办事项' }).locator('canvas')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('cell', { name: '迪庆藏族自治州' })).toBeVisible();

  await page.getByRole('link', { name: /^在办 \d+$/ }).click();
  await expect(page).toHaveURL(/\/ledger\?status=assigned&status=accepted&status=in_progress&status=completion_requested$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the cards sit two to a row and the figures stay readable', async ({ page }) => {
    await signInAsLeader(page);
    const total = page.getByRole('link', { name: /^督办事项 \d+$/ });
    const open = page.getByRole('link', { name: /^在办 \d+$/ });
    await expect(total).toBeVisible({ timeout: 15_000 });
    const [a, b] = [await total.boundingBox(), await open.boundingBox()];
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
