/** Default 办结时限 per source (批示 15, 会议纪要 20, 公文 30 working days …), added where missing. */
import { taskDeadlineDefaults } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import { defaultDeadlineWorkingDays } from './tasks.rules.js';

export async function ensureDeadlineDefaults(db: Db): Promise<void> {
  const rows = Object.entries(defaultDeadlineWorkingDays).map(([source, workingDays]) => ({ source, workingDays }));
  await db.insert(taskDeadlineDefaults).values(rows).onConflictDoNothing();
}
