/**
 * 督办事项来源 for every page that shows or picks one: the registry, read once and kept (it changes rarely), and a
 * label function that falls back to the code while the list loads or for a code the registry no longer has.
 */
import { sourceRoutes, type Source } from '@luoshi/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../app/api/client';
import { useAppLocale } from '../../app/i18n/i18n';
import type { AppLocale } from '../../app/i18n/types';

/** Under the `sources` key, so the admin page's writes refresh every select and label. */
export const sourcesQuery = queryOptions({
  queryKey: ['sources', 'list'],
  queryFn: () => call(sourceRoutes.list),
  staleTime: 10 * 60_000,
});

/** The registry, in display order (empty while loading). */
export function useSources(): Source[] {
  return useQuery(sourcesQuery).data ?? [];
}

/** A source's name in the UI language; the code itself when the registry does not know it. */
export function sourceLabelOf(sources: readonly Source[], code: string, locale: AppLocale): string {
  return sources.find((s) => s.code === code)?.name[locale] ?? code;
}

/** `(code) => label` in the UI language. */
export function useSourceLabel(): (code: string) => string {
  const sources = useSources();
  const locale = useAppLocale();
  return useCallback((code: string) => sourceLabelOf(sources, code, locale), [sources, locale]);
}

/**
 * Select options in display order: the active sources (what a new item may take), or with `includeInactive` every
 * source (filters: items keep a source after it is deactivated).
 */
export function useSourceOptions(options: { includeInactive?: boolean } = {}): { value: string; label: string }[] {
  const sources = useSources();
  const locale = useAppLocale();
  return sources.filter((s) => s.active || options.includeInactive).map((s) => ({ value: s.code, label: s.name[locale] }));
}
