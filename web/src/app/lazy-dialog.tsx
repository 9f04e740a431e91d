/**
 * Dialogs load on first open, not with their page: a page's first view then carries none of the forms, date pickers
 * and uploads only its dialogs use (on the item page that was over 60 kB gzip). The pages already mount a dialog
 * only while it is open, so the wrapper only has to wait for the chunk (showing nothing meanwhile).
 */
import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/** A component that loads its module the first time it is rendered; `load` picks the export. */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  const Dialog = (props: P) => (
    <Suspense fallback={null}>
      <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
    </Suspense>
  );
  return Dialog;
}
