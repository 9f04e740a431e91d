/**
 * Dialogs load on first open, not with their page: a page's first view then carries none of the forms, date pickers
 * and uploads only its dialogs use (on the item page that was over 60 kB gzip). The pages already mount a dialog
 * only while it is open, so the wrapper only has to wait for the chunk (showing nothing meanwhile).
 */
import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/** A lazily loaded dialog; `preload` fetches its chunk ahead of the first open. */
export type LazyDialog<P> = ComponentType<P> & { preload: () => void };

/**
 * A component that loads its module the first time it is rendered (or `preload`ed); `load` picks the export. A page
 * whose dialog is the usual next step preloads it once its first view is up, so the dialog then opens at once.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): LazyDialog<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  const Lazy = lazy(start);
  const Dialog = (props: P) => (
    <Suspense fallback={null}>
      <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
    </Suspense>
  );
  return Object.assign(Dialog, {
    preload: () => {
      // A failed preload is retried by the first open, which shows the error then.
      start().catch(() => (loading = undefined));
    },
  });
}
