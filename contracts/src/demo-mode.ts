/**
 * Demo mode as the sign-in page sees it: whether this server runs with `--demo`, and if so the demo accounts by role
 * and their one password, so a visitor can try each role. A production server answers `demo: false` and nothing else:
 * the list exists only where the accounts are fictional.
 */
import { z } from 'zod';
import { roleSchema } from './roles.js';
import { defineRoute } from './route.js';

export const demoAccountEntry = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  /** The unit whose data the account sees, e.g. 昆明市人民政府 or 云南省教育厅. */
  unitName: z.string(),
});
export type DemoAccountEntry = z.infer<typeof demoAccountEntry>;

export const demoModeBody = z.object({
  demo: z.boolean(),
  /** The demo accounts' shared password; null outside demo mode. */
  password: z.string().nullable(),
  accounts: z.array(demoAccountEntry),
});
export type DemoModeBody = z.infer<typeof demoModeBody>;

export const demoModeRoutes = {
  /** Public: read before anyone signs in. */
  get: defineRoute({ method: 'GET', path: '/api/demo-mode', response: demoModeBody }),
};
