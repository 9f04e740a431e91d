/** Building blocks shared by every contract: ids, limits, error and page shapes. */
import { z } from 'zod';

/** Upper bounds on free text; bodies over the server's byte limit are refused before parsing. */
export const limits = {
  nameMax: 200,
  shortTextMax: 500,
  longTextMax: 20_000,
  pageSizeMax: 200,
  bodyBytesMax: 1_048_576,
} as const;

export const uuidSchema = z.uuid();
export const idParams = z.object({ id: z.uuid() });

/** Trimmed, non-empty, bounded text without control characters other than newline and tab. */
export function text(max: number = limits.shortTextMax) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u, { message: 'control characters are not allowed' });
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const okBody = z.object({ ok: z.literal(true) });

/** Keyset page: `cursor` is opaque to clients. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
