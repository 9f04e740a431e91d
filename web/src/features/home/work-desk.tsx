/**
 * 工作台 (issue 13 item 2/4): the first thing each role sees — what is their turn today, the most urgent group
 * first (desk-order.ts). It asks nothing of the reader; every entry leads to the item where the step is taken.
 * Refreshed live when an item in scope changes.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { deskQuery, deskQueryKey } from './desk.api';
import { DeskGroupCard } from './desk-group-card';
import { orderDeskGroups } from './desk-order';

export function WorkDesk() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const desk = useQuery(deskQuery());
  useLiveRefresh(deskQueryKey);
  if (desk.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(desk.error, locale)}
        action={<Button onClick={() => void desk.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!desk.data) return <Card title={t('home.desk.title')} loading />;
  const groups = orderDeskGroups(desk.data.groups);
  if (groups.length === 0) {
    return (
      <Card title={t('home.desk.title')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.desk.empty')} />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      {groups.map((group) => (
        <Col key={group.kind} xs={24} xl={12}>
          <DeskGroupCard group={group} />
        </Col>
      ))}
    </Row>
  );
}
