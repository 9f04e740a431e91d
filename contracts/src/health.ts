import { z } from 'zod';

export const healthBody = z.object({
  status: z.enum(['ok', 'degraded']),
  live: z.literal(true),
  ready: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string().nullable(),
  version: z.string(),
});
