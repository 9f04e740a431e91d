/**
 * 已开展的协调 as the item page shows them, read-only. Apart from the editable list (`coordination-attempts.tsx`) so
 * the page's first view does not carry the form, select and date picker only the dialogs need.
 */
import { coordinationAttemptKindLabels } from '@luoshi/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { CoordinationAttempt } from './cooperation.api';

/** Recorded attempts, read-only. */
export function AttemptList({ attempts }: { attempts: readonly CoordinationAttempt[] }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  if (attempts.length === 0) {
    return <Typography.Text type="secondary">{t('cooperation.noAttempts')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={4}>
      {attempts.map((attempt, index) => (
        <Flex key={index} gap={8} align="baseline" wrap>
          <Tag style={{ marginInlineEnd: 0 }}>{coordinationAttemptKindLabels[attempt.kind][locale]}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {attempt.date}
          </Typography.Text>
          <Typography.Text>{attempt.note}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
