/**
 * Full-page placeholders used by the router and the guard. They avoid antd's Result (its illustrations would weigh
 * on the first download); the illustrated 404/403 pages live in `status-pages.tsx`, loaded lazily.
 */
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown while a lazy chunk or the session loads; takes space so the layout does not jump. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240, padding: 48 }}>
      <Spin description={t('app.loading')} size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}

function Notice({ title, detail, action }: { title: string; detail?: string; action: ReactNode }) {
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '64px 16px' }}>
      <ExclamationCircleOutlined style={{ fontSize: 48, color: '#faad14' }} />
      <h2 style={{ fontSize: 18, margin: '16px 0 8px' }}>{title}</h2>
      {detail && <p style={{ color: '#8c8c8c', margin: '0 0 16px' }}>{detail}</p>}
      {action}
    </div>
  );
}

/** Router error element: most often a lazy chunk that vanished after a deployment, which a reload fixes. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Notice
      title={t('common.routeError')}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

/** The session could not be read (server down, proxy error); offers a retry instead of a blank page. */
export function SessionUnavailable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice
      title={t('common.sessionUnavailable')}
      detail={message}
      action={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
