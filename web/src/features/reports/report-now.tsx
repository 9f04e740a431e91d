/**
 * 报送进展 at the top of the item page (issue 13 item 3): on a phone the reader who reports should not scroll past
 * the facts and texts to the reports section to find it. It shows when the reader may file a report now (the
 * reports list's `canSubmit`, one cached query with the section below), and opens the same form drawer; the
 * form's code and the pre-filled draft are fetched as soon as the button shows, so the drawer opens at once.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTask } from './report-form-drawer';
import { reportDraftQuery, reportsQuery } from './reports.api';

const loadDrawer = () => import('./report-form-drawer').then((m) => ({ default: m.ReportFormDrawer }));
const ReportFormDrawer = lazy(loadDrawer);

/** True when the reader may file a report on the item now. */
export function useCanReport(task: ReportTask): boolean {
  return useQuery(reportsQuery(task.id, task.version)).data?.canSubmit ?? false;
}

/** The button and its drawer; render it only when `useCanReport` says so. */
export function ReportNowButton({ task }: { task: ReportTask }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opening, setOpening] = useState<number | null>(null);
  useEffect(() => {
    void loadDrawer();
    void client.prefetchQuery({ ...reportDraftQuery(task.id, task.version), staleTime: 30_000 });
  }, [client, task.id, task.version]);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(Date.now())}>
        {t('reports.submit')}
      </Button>
      {opening !== null && (
        <Suspense fallback={null}>
          <ReportFormDrawer key={opening} task={task} correcting={null} onClose={() => setOpening(null)} />
        </Suspense>
      )}
    </>
  );
}
