/** 校验日志完整性: asks the server to walk the hash chain and shows 完整 or the first tampered event. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@luoshi/contracts';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import type { useVerifyAuditLog } from './audit.api';

/** The button (for the page header). */
export function AuditVerifyButton({ verify }: { verify: ReturnType<typeof useVerifyAuditLog> }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate(undefined, { onError: (e) => handleError(e) })}
    >
      {t('audit.verify')}
    </Button>
  );
}

/** The result banner, once a check has run. */
export function AuditVerifyResultBanner({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  if (result.isIntact) {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('audit.verifyIntact', { count: result.checkedCount })}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={result.firstBrokenEventId === null ? t('audit.verifyBrokenNoId') : t('audit.verifyBroken', { id: result.firstBrokenEventId })}
      description={result.problem ?? undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
