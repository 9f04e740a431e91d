/**
 * The rest of the 督办事项 story (issue 3), in the browser, on one item the 督查室 registers from a 常务会议 decision
 * with 省教育厅 leading, 省财政厅 and 省发展改革委 cooperating and the 副省长 who 分管 教育 responsible:
 *
 * 1. A角/B角: 省教育厅 names its 承办人 (A角, the jyt account); the unit's 负责人 records A's leave on 组织机构; the
 *    B角 (jyt_b) finds the item under 我承办的 at once and files a 进展反馈; A comes back and 销假.
 * 2. 配合单位: 省财政厅 (czt) sends its 配合情况; the lead unit sees it on the item.
 * 3. A routine 进展反馈: the form comes pre-filled from the last report and takes a few clicks (timed, < 60 s).
 * 4. 延期申请: asked by the lead unit, approved by its 负责人, the 督查员 and the 分管领导; the new 办结时限 shows
 *    and the original one is kept.
 *
 * Every step is then checked on the item's 时间线. Each step is one person at their own computer (a fresh browser
 * context); the steps build on each other, so they run in order.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  Desk,
  actionBar,
  addDays,
  beijingToday,
  buttonName,
  confirmAction,
  fact,
  openAction,
  openList,
  option,
  pickDate,
  saveScreenshot,
  searchAndPick,
  section,
  statusTag,
  timelineItems,
  users,
} from './helpers';

/** The unit tree row titled `name` (see smoke.spec.ts for why the title, not the accessible name). */
function treeItem(page: Page, name: string): Locator {
  return page
    .getByRole('tree')
    .getByRole('treeitem')
    .filter({ has: page.locator('.ant-tree-title').getByText(name, { exact: true }) });
}

/** Opens 组织机构 and the 办公室 of 云南省教育厅 (where its 承办人 post sits), on tab `tab`. */
async function openEducationOffice(page: Page, tab: '人员' | '岗位'): Promise<void> {
  await page.getByRole('menuitem', { name: /\s组织机构$/ }).click();
  await expect(page).toHaveURL(/\/org/);
  // The scope's root unit opens by itself, showing its 内设机构.
  await expect(treeItem(page, '云南省教育厅')).toHaveAttribute('aria-expanded', 'true');
  const office = treeItem(page, '办公室');
  await office.locator('.ant-tree-title').click();
  await expect(page.locator('.ant-card-head').filter({ hasText: '办公室' }).first()).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

/** The 进展反馈 drawer, once open. */
function reportDrawer(page: Page): Locator {
  return page.getByRole('dialog', { name: /^报送进展反馈 · \S*督〔\d{4}〕\d+号$/ });
}

test.describe.serial('督办事项 journeys: A角/B角, 配合单位, 例行进展反馈, 延期申请', () => {
  let desk: Desk;
  const title = `e2e全流程督办事项${Date.now()}`;
  const meeting = '省政府第37次常务会议';
  const content = '按照常务会议决定，年底前建成 50 所乡村学校食堂，改善农村学生就餐条件。';
  const leaderName = '邹晓梅';
  let itemPath = '';
  let serialNumber = '';
  let originalDeadline = '';
  let handlerA = '';
  let handlerB = '';
  const today = beijingToday();
  const absentUntil = addDays(today, 7);
  const firstReport = {
    done: '已完成 50 所学校选址和设计，其中 12 所开工建设。',
    nextSteps: '推动其余 38 所学校开工，12 月底前完成主体工程。',
    problems: '部分县区配套资金未到位。',
    help: '请财政厅协调下达补助资金。',
    percent: 30,
  };
  const contribution = '省财政厅已下达乡村学校食堂建设补助资金 1.2 亿元，覆盖全部 50 所学校。';
  const routinePercent = 55;
  const extension = { reason: '受雨季影响，部分山区学校施工延误。', progress: '50 所学校已全部开工，完成进度 55%。' };
  let newDeadline = '';

  test.beforeAll(({ browser }) => {
    desk = new Desk(browser);
  });

  test.afterAll(async () => {
    await desk.close();
  });

  test('ducha registers the item with its lead, cooperating units and 分管领导, and assigns it', async () => {
    const page = await desk.as('ducha');
    await page.getByRole('menuitem', { name: /\s登记督办事项$/ }).click();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('来源', { exact: true }).click();
    await option(page, '会议决定事项').click();
    await page.getByLabel('会议', { exact: true }).fill(meeting);
    await page.getByLabel('督办内容').fill(content);
    await page.getByRole('spinbutton', { name: '交办后 N 个工作日' }).fill('20');
    await searchAndPick(page, page.getByLabel('牵头单位'), '教育厅', '云南省教育厅');
    const cooperating = page.getByLabel('配合单位');
    await searchAndPick(page, cooperating, '财政厅', '云南省财政厅');
    await searchAndPick(page, cooperating, '发展和改革', '云南省发展和改革委员会');
    await cooperating.press('Escape');
    await page.getByLabel('分管领导').click();
    await option(page, `${leaderName}（副省长）`).click();
    await page.getByRole('button', { name: buttonName('登记') }).click();

    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    itemPath = new URL(page.url()).pathname;
    serialNumber = (await page.getByText(/^\S*督〔\d{4}〕\d+号$/).textContent()) ?? '';
    expect(serialNumber).toMatch(/^\S*督〔\d{4}〕\d+号$/);
    await expect(fact(page, '分管领导')).toHaveText(leaderName);
    await confirmAction(page, await openAction(page, '交办'), '交办', '已交办');
    await expect(fact(page, '办结时限')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    originalDeadline = (await fact(page, '办结时限').textContent()) ?? '';
  });

  test('jyt looks up the 承办人 post (A角/B角), signs for the item and names themself 承办人', async () => {
    const page = await desk.as('jyt', '/');
    // The 承办人 post of 省教育厅: jyt is its A角, jyt_b its B角.
    await openEducationOffice(page, '岗位');
    const post = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '承办人', exact: true }) });
    await expect(post).toHaveCount(1);
    handlerA = ((await post.getByRole('cell').nth(1).textContent()) ?? '').trim();
    handlerB = ((await post.getByRole('cell').nth(2).textContent()) ?? '').trim();
    expect(handlerA).not.toBe('');
    expect(handlerB).not.toBe('');
    expect(handlerB).not.toBe(handlerA);

    await openList(page, true);
    await page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    await confirmAction(page, await openAction(page, '签收'), '签收', '已签收');
    const start = await openAction(page, '指定承办人');
    await start.getByLabel('承办人').click();
    await option(page, `${handlerA} · 办公室`).click();
    await confirmAction(page, start, '指定承办人', '办理中');
    await expect(fact(page, '承办人')).toHaveText(handlerA);

    // 我承办的 on the home page: A's own item, nobody standing in.
    await page.getByRole('menuitem', { name: /\s首页$/ }).click();
    const mine = section(page, '我承办的');
    const row = mine.locator('.ant-list-item').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(serialNumber);
    await expect(row).not.toContainText('B角代办');
  });

  test('A/B: the 负责人 records A’s leave; the B角 sees the item under 我承办的 at once and files a 进展反馈', async () => {
    let page = await desk.as('jyt_leader', '/');
    await openEducationOffice(page, '人员');
    await expect(page.getByText(/您可以登记本单位人员的请假、出差/)).toBeVisible();
    const personA = page.getByRole('row').filter({ hasText: handlerA });
    await personA.getByRole('button', { name: '登记请假/出差' }).click();
    const dialog = page.getByRole('dialog', { name: `登记请假/出差 · ${handlerA}` });
    await expect(dialog.getByLabel('开始日期')).toHaveValue(today);
    await pickDate(dialog.getByLabel('结束日期'), absentUntil);
    // 事由 offers the usual reasons while typing; pick one (the list would otherwise cover 保存).
    await dialog.getByLabel('事由').fill('请');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^请假$/ })
      .click();
    await expect(dialog.getByLabel('事由')).toHaveValue('请假');
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await expect(dialog).toBeHidden();
    await expect(personA).toContainText(`请假（${today} 至 ${absentUntil}）`);
    await expect(personA.getByRole('button', { name: '销假' })).toBeVisible();

    page = await desk.as('jyt_b', '/');
    const row = section(page, '我承办的').locator('.ant-list-item').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`B角代办：${handlerA}请假至 ${absentUntil}，由${handlerB}办理`);
    await saveScreenshot(page, 'journey-ab-takeover.png');
    await row.getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    await expect(statusTag(page)).toHaveText('办理中');
    // The deadline does not stop while A is away.
    await expect(fact(page, '办结时限')).toHaveText(originalDeadline);

    await section(page, '进展反馈')
      .getByRole('button', { name: /报送进展/ })
      .click();
    const drawer = reportDrawer(page);
    await expect(drawer).toBeVisible();
    await expect(drawer.getByLabel('报送期次')).not.toHaveValue(''); // suggested from the 报送频次 (月报)
    await drawer.getByRole('spinbutton', { name: '完成进度' }).fill(String(firstReport.percent));
    await drawer.getByLabel('本期进展').fill(firstReport.done);
    await drawer.getByLabel('下步计划').fill(firstReport.nextSteps);
    await drawer.getByLabel('存在问题').fill(firstReport.problems);
    await drawer.getByLabel('需协调事项').fill(firstReport.help);
    await drawer.getByRole('button', { name: buttonName('报送进展') }).click();
    await expect(page.getByText('进展反馈已报送')).toBeVisible();
    await expect(drawer).toBeHidden();
    const report = section(page, '进展反馈').locator('.ant-card-small.ant-card-type-inner').first();
    await expect(report).toContainText(`报送人 ${users.jyt_b}`);
    await expect(report).toContainText(firstReport.done);

    const absence = timelineItems(page).filter({ has: page.locator('strong').getByText('登记请假/出差', { exact: true }) });
    await expect(absence).toHaveCount(1);
    await expect(absence).toContainText(users.jyt_leader);
    await expect(absence).toContainText('理由：请假');
    const filed = timelineItems(page).filter({ has: page.locator('strong').getByText('报送进展反馈', { exact: true }) });
    await expect(filed).toHaveCount(1);
    await expect(filed).toContainText(users.jyt_b);
  });

  test('配合单位: 省财政厅 sends its 配合情况', async () => {
    const page = await desk.as('czt');
    await openList(page, false);
    await page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    // A cooperating unit has no lifecycle actions; it only sends its own part.
    await expect(page.getByText('您当前对该事项没有可执行的操作')).toBeVisible();
    const unitCard = section(page, '配合单位与协调').locator('.ant-card-type-inner').filter({ hasText: '云南省财政厅' });
    await expect(unitCard).toContainText('尚未报送');
    await unitCard.getByRole('button', { name: '报送配合情况' }).click();
    const dialog = page.getByRole('dialog', { name: '报送配合情况 · 云南省财政厅' });
    await dialog.getByLabel('配合情况').fill(contribution);
    await dialog.getByRole('button', { name: '报送配合情况' }).click();
    await expect(dialog).toBeHidden();
    await expect(unitCard).toContainText(contribution);
    // Only its own unit's card offers the button.
    const otherCard = section(page, '配合单位与协调').locator('.ant-card-type-inner').filter({ hasText: '云南省发展和改革委员会' });
    await expect(otherCard.getByRole('button')).toHaveCount(0);
    const sent = timelineItems(page).filter({ has: page.locator('strong').getByText('报送配合情况', { exact: true }) });
    await expect(sent).toContainText(`${users.czt} · 云南省财政厅`);
  });

  test('A is back (销假), sees the 配合情况 and files the routine 进展反馈 from the pre-filled form in under a minute', async () => {
    const page = await desk.as('jyt', '/');
    await openEducationOffice(page, '人员');
    const personA = page.getByRole('row').filter({ hasText: handlerA });
    await personA.getByRole('button', { name: '销假' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: buttonName('确定') })
      .click();
    await expect(page.getByText(`${handlerA}已销假`)).toBeVisible();
    await expect(personA.getByRole('button', { name: '登记请假/出差' })).toBeVisible();

    await page.getByRole('menuitem', { name: /\s首页$/ }).click();
    const row = section(page, '我承办的').locator('.ant-list-item').filter({ hasText: title });
    await expect(row).not.toContainText('B角代办');
    await row.getByRole('link', { name: serialNumber }).click();
    await expect(page).toHaveURL(itemPath);
    // The lead unit sees what 省财政厅 sent.
    const unitCard = section(page, '配合单位与协调').locator('.ant-card-type-inner').filter({ hasText: '云南省财政厅' });
    await expect(unitCard).toContainText(contribution);
    await saveScreenshot(page, 'journey-cooperation.png');

    // The routine report, timed from opening the form to the confirmation; `act` counts what the person does.
    let interactions = 0;
    const act = (action: Promise<void>) => {
      interactions += 1;
      return action;
    };
    const started = Date.now();
    await act(
      section(page, '进展反馈')
        .getByRole('button', { name: /报送进展/ })
        .click(),
    );
    const drawer = reportDrawer(page);
    await expect(drawer.getByText('已按上期内容预填，只需修改有变化的部分。')).toBeVisible();
    // Pre-filled from the B角's report: what is still true stays.
    await expect(drawer.getByLabel('下步计划')).toHaveValue(firstReport.nextSteps);
    await expect(drawer.getByLabel('存在问题')).toHaveValue(firstReport.problems);
    await expect(drawer.getByLabel('需协调事项')).toHaveValue(firstReport.help);
    await expect(drawer.getByRole('spinbutton', { name: '完成进度' })).toHaveValue(String(firstReport.percent));
    await expect(drawer.getByText(`上期下步计划：${firstReport.nextSteps}`)).toBeVisible();
    const period = drawer.getByLabel('报送期次');
    const previousPeriod = ((await drawer.getByText(/^上期：/).textContent()) ?? '').replace('上期：', '');
    // The same 期次 is never reused by accident: a second report within one period is named by hand.
    if ((await period.inputValue()) === '') await act(period.fill(`${previousPeriod}（续报）`));
    // What changed: this period's work is last period's plan, and the percentage.
    await act(drawer.getByRole('button', { name: '引用上期下步计划' }).click());
    await expect(drawer.getByLabel('本期进展')).toHaveValue(firstReport.nextSteps);
    await act(drawer.getByRole('spinbutton', { name: '完成进度' }).fill(String(routinePercent)));
    await act(drawer.getByRole('button', { name: buttonName('报送进展') }).click());
    await expect(page.getByText('进展反馈已报送')).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    const figure = `${seconds.toFixed(1)} s and ${interactions} interactions from opening the form to 已报送`;
    test.info().annotations.push({ type: 'routine 进展反馈', description: figure });
    console.log(`routine 进展反馈: ${figure}`);
    expect(seconds).toBeLessThan(60);
    expect(interactions).toBeLessThanOrEqual(5);

    const latest = section(page, '进展反馈').locator('.ant-card-type-inner').first();
    await expect(latest).toContainText(`报送人 ${users.jyt}`);
    await expect(latest).toContainText(firstReport.problems);
    await expect(latest.getByRole('progressbar', { name: '完成进度' })).toHaveAttribute('aria-valuenow', String(routinePercent));
    await saveScreenshot(page, 'journey-routine-report.png');
  });

  test('延期申请: jyt asks for a later 办结时限', async () => {
    const page = await desk.as('jyt');
    await page.goto(itemPath);
    const card = section(page, '延期申请');
    await card.getByRole('button', { name: '申请延期' }).click();
    const dialog = page.getByRole('dialog', { name: `申请延期 · ${serialNumber}` });
    newDeadline = addDays(originalDeadline, 15);
    await pickDate(dialog.getByLabel('新的办结时限'), newDeadline);
    await dialog.getByLabel('延期理由').fill(extension.reason);
    await dialog.getByLabel('当前进展').fill(extension.progress);
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toContainText('待单位负责人审批');
    await expect(card).toContainText(newDeadline);
    // One request at a time.
    await expect(card.getByRole('button', { name: '申请延期' })).toHaveCount(0);
  });

  const approvals = [
    { user: 'jyt_leader', next: '批准后转督查员审批。', after: '待督查员审核' },
    { user: 'ducha', next: '批准后转分管领导审批。', after: '待分管领导审批' },
  ] as const;
  for (const step of approvals) {
    test(`延期申请: ${step.user} approves their step`, async () => {
      const page = await desk.as(step.user);
      await page.goto(itemPath);
      const card = section(page, '延期申请');
      await expect(card.getByText('待您审批')).toBeVisible();
      await card.getByRole('button', { name: buttonName('批准') }).click();
      const dialog = page.getByRole('dialog', { name: `批准延期申请 · ${serialNumber}` });
      await expect(dialog).toContainText(step.next);
      await dialog.getByRole('button', { name: buttonName('批准') }).click();
      await expect(dialog).toBeHidden();
      await expect(card).toContainText(step.after);
      await expect(card.getByText('待您审批')).toHaveCount(0);
      // Not decided yet: the deadline stands.
      await expect(fact(page, '办结时限')).toHaveText(originalDeadline);
    });
  }

  test('延期申请: the 分管领导 gives the final approval; the new 办结时限 shows and the original is kept', async () => {
    const page = await desk.as('leader');
    await page.goto(itemPath);
    const card = section(page, '延期申请');
    await card.getByRole('button', { name: buttonName('批准') }).click();
    const dialog = page.getByRole('dialog', { name: `批准延期申请 · ${serialNumber}` });
    await expect(dialog).toContainText(`批准后，办结时限由 ${originalDeadline} 改为 ${newDeadline}。`);
    await dialog.getByLabel('审批意见').fill('同意延期，请加快进度。');
    await dialog.getByRole('button', { name: buttonName('批准') }).click();
    await expect(page.getByText(`延期已批准，办结时限已改为 ${newDeadline}`)).toBeVisible();
    await expect(card).toContainText('已批准');
    await expect(fact(page, '办结时限')).toHaveText(newDeadline);
    await expect(fact(page, '原定时限')).toHaveText(originalDeadline);
    await expect(card).toContainText(`原定办结时限：${originalDeadline}`);
    // Each step with who took it.
    for (const approver of [users.jyt_leader, users.ducha, users.leader]) await expect(card).toContainText(approver);
    await saveScreenshot(page, 'journey-extension.png');
  });

  test('the 时间线 tells every step, in order and by whom', async () => {
    const page = await desk.as('ducha');
    await page.goto(itemPath);
    await expect(statusTag(page)).toHaveText('办理中');
    await expect(actionBar(page)).toBeVisible();
    const expected: [string, string][] = [
      ['登记', users.ducha],
      ['交办', users.ducha],
      ['签收', users.jyt],
      ['指定承办人', users.jyt],
      ['登记请假/出差', users.jyt_leader],
      ['报送进展反馈', users.jyt_b],
      ['报送配合情况', users.czt],
      ['销假', users.jyt],
      ['报送进展反馈', users.jyt],
      ['申请延期', users.jyt],
      ['同意延期（转下一步审批）', users.jyt_leader],
      ['同意延期（转下一步审批）', users.ducha],
      ['批准延期', users.leader],
    ];
    const items = timelineItems(page);
    await expect(items.locator('strong')).toHaveText(expected.map(([label]) => label));
    for (const [index, [label, who]] of expected.entries()) {
      await expect(items.nth(index), `${label} by ${who}`).toContainText(who);
    }
    await expect(items.nth(expected.findIndex(([label]) => label === '申请延期'))).toContainText(`理由：${extension.reason}`);
    await saveScreenshot(page, 'journey-timeline.png');
  });

  test('the 审计日志 holds the same steps, each with who took it', async () => {
    const page = await desk.as('auditadmin', '/admin/audit');
    const taskId = itemPath.split('/').pop() ?? '';
    /** The event-type labels the audit log lists for the filter, newest first. */
    const search = async (filter: { objectId?: string; eventType?: string; actor?: string }): Promise<Locator> => {
      await page.goto('/admin/audit');
      if (filter.objectId) await page.getByLabel('对象标识').fill(filter.objectId);
      if (filter.actor) await page.getByLabel('操作人').fill(filter.actor);
      if (filter.eventType) {
        await page.getByLabel('事件类型').click();
        await page.getByLabel('事件类型').pressSequentially(filter.eventType);
        await option(page, filter.eventType).click();
      }
      await page.getByRole('button', { name: buttonName('查询') }).click();
      return page.locator('.ant-table-tbody tr.ant-table-row');
    };

    // The item's own events (a report is its own object; an absence is the person's).
    const rows = await search({ objectId: taskId });
    const onItem: [string, string][] = [
      ['批准延期', 'leader'],
      ['批准延期', 'ducha'],
      ['批准延期', 'jyt_leader'],
      ['申请延期', 'jyt'],
      ['报送配合情况', 'czt'],
      ['指定承办人', 'jyt'],
      ['签收', 'jyt'],
      ['交办', 'ducha'],
      ['登记督办事项', 'ducha'],
    ];
    await expect(rows).toHaveCount(onItem.length);
    for (const [index, [label, actor]] of onItem.entries()) {
      await expect(rows.nth(index), `${label} by ${actor}`).toContainText(label);
      await expect(rows.nth(index).getByRole('cell', { name: actor, exact: true }), `${label} by ${actor}`).toHaveCount(1);
    }
    // The 操作人 filter matches part of the user name: jyt finds jyt and jyt_b (newest first).
    const reports = await search({ eventType: '报送进展反馈', actor: 'jyt' });
    await expect(reports).toHaveCount(2);
    await expect(reports.nth(0).getByRole('cell', { name: 'jyt', exact: true })).toHaveCount(1);
    await expect(reports.nth(1).getByRole('cell', { name: 'jyt_b', exact: true })).toHaveCount(1);
    const away = await search({ eventType: '登记请假/出差', actor: 'jyt_leader' });
    await expect(away).toHaveCount(1);
    const back = await search({ eventType: '销假', actor: 'jyt' });
    await expect(back).toHaveCount(1);
    await expect(back.getByRole('cell', { name: 'jyt', exact: true })).toHaveCount(1);
  });
});
