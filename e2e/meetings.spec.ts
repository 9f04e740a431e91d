/**
 * Issue 15's meeting story in the browser: the 督查室 convenes a 专题会议 with three 议题; a person the unit has not
 * registered as its representative is refused with the rule's reason, the unit's leader registers them; the
 * responsible 副省长 signs the 议题 off; decisions are recorded, two become 督办事项 (one with its 文件制发时限 as its own
 * item) and the meeting page sums them up live; the item's source link leads back to the clause; the minutes are
 * issued and downloaded as a DOCX in the 纪要 layout; and the meeting page reads on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { addDays, beijingToday, buttonName, Desk, option, pickDate, saveScreenshot, searchAndPick } from './helpers';

/** The open antd modal titled `title`. */
function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog').filter({ has: page.getByText(title, { exact: true }) });
}

async function ok(modal: Locator): Promise<void> {
  await modal.getByRole('button', { name: buttonName('确定') }).click();
  await expect(modal).toBeHidden();
}

/** Confirms the open Popconfirm. */
async function confirmPopover(page: Page): Promise<void> {
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: buttonName('确定') })
    .click();
}

function agendaItem(page: Page, n: number): Locator {
  return page.getByTestId('agenda-item').nth(n);
}

test('a 专题会议: agenda, attendance refused and allowed, decisions supervised, minutes issued as DOCX', async ({ browser }) => {
  test.setTimeout(240_000);
  const desk = new Desk(browser);
  const heldOn = addDays(beijingToday(), 14);

  // 召开会议 as the 督查室 of the province (its own government is the default).
  let page = await desk.as('ducha', '/meetings');
  await page.getByRole('button', { name: buttonName('召开会议') }).click();
  const convene = dialog(page, '召开会议');
  await convene.getByLabel('会议类型').click();
  await option(page, '专题会议').click();
  await pickDate(convene.getByLabel('会议日期'), heldOn);
  await convene.getByLabel('会议地点').fill('省政府第一会议室');
  await convene.getByRole('button', { name: buttonName('召开会议') }).click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/云南省人民政府第\d+次专题会议/);
  const meetingPath = new URL(page.url()).pathname;

  // 出席领导: the governor and the 副省长 who 分管 education.
  await page.getByRole('button', { name: buttonName('设置出席领导') }).click();
  const leaders = dialog(page, '设置出席领导');
  await leaders.getByLabel('出席领导').click();
  await option(page, '严思远（省长）').click();
  await option(page, '邹晓梅（副省长）').click();
  await leaders.getByLabel('出席领导').press('Escape');
  await ok(leaders);
  await expect(page.getByText('邹晓梅（副省长） · 出席')).toBeVisible();

  // Three 议题 submitted by 省教育厅 under 邹晓梅.
  for (const title of ['关于义务教育薄弱环节改善的汇报', '关于职业教育产教融合的汇报', '关于学前教育普惠发展的汇报']) {
    await page.getByRole('button', { name: buttonName('新增议题') }).click();
    const modal = dialog(page, '新增议题');
    await modal.getByLabel('议题名称').fill(title);
    await searchAndPick(page, modal.getByLabel('汇报单位'), '教育厅', '云南省教育厅');
    // Typed and confirmed with Enter: the previous dialog's dropdown may still be fading out.
    await modal.getByLabel('分管领导').click();
    await modal.getByLabel('分管领导').pressSequentially('邹晓梅');
    await modal.getByLabel('分管领导').press('Enter');
    await expect(modal.getByTitle('邹晓梅（副省长）')).toBeVisible();
    await ok(modal);
    await expect(page.getByText(title)).toBeVisible();
  }
  await expect(page.getByTestId('agenda-item')).toHaveCount(3);

  // The 督查室 registers a staff member of the unit for 议题 1: refused, with the rule's reason.
  await agendaItem(page, 0)
    .getByRole('button', { name: buttonName('登记参会人员') })
    .click();
  let register = dialog(page, '登记参会人员');
  await register.getByLabel('参会人员').click();
  const firstPerson = page.locator('.ant-select-dropdown:visible .ant-select-item-option').last();
  const personLabel = (await firstPerson.getAttribute('title')) ?? '';
  expect(personLabel).not.toBe('');
  await firstPerson.click();
  await register.getByRole('button', { name: buttonName('确定') }).click();
  await expect(register.getByRole('alert')).toContainText('不能代表本地本部门（单位）和不熟悉情况的人员不得参会');
  await register.getByRole('button', { name: buttonName('取消') }).click();
  await expect(agendaItem(page, 0)).not.toContainText(personLabel.replace(/（.*$/, ''));

  // The unit's leader registers the same person as its representative: allowed.
  page = await desk.as('jyt_leader', meetingPath);
  await agendaItem(page, 0)
    .getByRole('button', { name: buttonName('登记参会人员') })
    .click();
  register = dialog(page, '登记参会人员');
  await register.getByLabel('参会人员').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${personLabel}"]`).click();
  await ok(register);
  await expect(agendaItem(page, 0)).toContainText('单位负责人登记的代表');

  // The responsible 副省长 signs 议题 1 and 2 off.
  page = await desk.as('leader', meetingPath);
  for (const n of [0, 1]) {
    await agendaItem(page, n)
      .getByRole('button', { name: buttonName('审签') })
      .click();
    await expect(agendaItem(page, n).getByText('已审签')).toBeVisible();
  }

  // Decisions: an action with its deadline, an action with a 文件制发时限, and one that needs no action.
  page = await desk.as('ducha', meetingPath);
  const record = async (n: number, text: string, fill: (modal: Locator) => Promise<void>) => {
    await agendaItem(page, n)
      .getByRole('button', { name: buttonName('记录决定事项') })
      .click();
    const modal = dialog(page, '记录决定事项');
    await modal.getByLabel('决定事项内容').fill(text);
    await fill(modal);
    await ok(modal);
    await expect(page.getByText(text)).toBeVisible();
  };
  await record(0, '原则同意省教育厅汇报的薄弱环节改善方案，年内完成300所学校改造。', async (modal) => {
    await pickDate(modal.getByLabel('办结时限'), addDays(beijingToday(), 90));
  });
  await record(0, '省教育厅会同有关部门制定配套实施方案。', async (modal) => {
    await modal.getByLabel('需制发的文件').fill('义务教育薄弱环节改善实施方案');
    await pickDate(modal.getByLabel('文件制发时限'), addDays(beijingToday(), 30));
  });
  await record(1, '会议听取了职业教育产教融合情况汇报。', async (modal) => {
    await modal.getByRole('checkbox').uncheck();
  });
  await expect(page.getByTestId('decision-summary')).toContainText('决定事项 3 项，已办结 0，正常推进 0，逾期 0，未立项 2，无需办理 1');

  // Two clauses become 督办事项 in one step each.
  for (const n of [0, 1]) {
    const clause = agendaItem(page, 0).getByTestId('meeting-decision').nth(n);
    await clause.getByRole('button', { name: buttonName('列为督办事项') }).click();
    await confirmPopover(page);
    await expect(clause.getByRole('link', { name: /督〔\d{4}〕\d+号/ }).first()).toBeVisible();
    await expect(clause).toContainText('拟办');
  }
  await expect(agendaItem(page, 0).getByTestId('meeting-decision').nth(1)).toContainText('文件制发');
  await expect(page.getByTestId('decision-summary')).toHaveText('决定事项 3 项，已办结 0，正常推进 2，逾期 0，无需办理 1');

  // The item is the engine's (拟办, numbered); its source record points back at the clause.
  const itemLink = agendaItem(page, 0).getByTestId('meeting-decision').first().getByRole('link').first();
  await itemLink.click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const taskId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const task = (await (await page.request.get(`/api/tasks/${taskId}`)).json()) as { source: string; sourceRef: { link?: string } };
  expect(task.source).toBe('meeting_decision');
  expect(task.sourceRef.link).toMatch(new RegExp(`^${meetingPath}/decisions/[0-9a-f-]{36}$`));
  await page.goto(task.sourceRef.link ?? '/');
  await expect(page.getByTestId('meeting-decision').first()).toBeInViewport();

  // 印发纪要, then download it: the issued DOCX in the 纪要 layout.
  await page.getByRole('button', { name: buttonName('印发纪要') }).click();
  await confirmPopover(page);
  await expect(page.getByText('纪要已印发').first()).toBeVisible();
  await expect(page.getByRole('button', { name: buttonName('记录决定事项') })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载纪要（DOCX）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/专题会议纪要.*\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  for (const words of ['云南省人民政府专题会议纪要', '一、关于义务教育薄弱环节改善的汇报', '出席：', '严思远', '列席：', '印发']) {
    expect(xml).toContain(words);
  }
  expect(xml).not.toContain('草稿');
  await saveScreenshot(page, 'meeting-desktop.png');

  // On a phone: the meeting reads without sideways scrolling, and axe finds nothing serious.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(meetingPath);
  await expect(page.getByTestId('decision-summary')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The page's own content (the frame around it is the shell's).
  const axe = await new AxeBuilder({ page }).include('.ant-pro-page-container').withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`)).toEqual([]);
  await saveScreenshot(page, 'meeting-phone.png');
  await desk.close();
});
