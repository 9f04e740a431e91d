/**
 * A list filter kept in the URL's search parameters (so a reload, the back button and links show the same list),
 * changed by functions of the current filter.
 *
 * Why functions, applied to the address bar rather than to the last render: the router renders a new URL in a React
 * transition, so on a busy computer a second change made before that render — a keyword typed right after picking a
 * source — would otherwise start from the filter last rendered and silently drop the first change.
 */
import { useSearchParams } from 'react-router';

/** A change to a filter: the new filter from the current one. */
export type FilterChange<F> = (current: F) => F;

export function useFilterInUrl<F>(
  read: (params: URLSearchParams) => F,
  write: (filter: F) => Record<string, string>,
): [filter: F, change: (change: FilterChange<F>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const change = (update: FilterChange<F>) =>
    setSearchParams(write(update(read(new URLSearchParams(window.location.search)))), { replace: true });
  return [read(searchParams), change];
}
