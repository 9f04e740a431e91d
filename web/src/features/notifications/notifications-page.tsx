/**
 * /notifications 消息通知: all of one's notifications, newest first, filtered by unread and kind, with "加载更多"
 * (keyset pages) and "全部已读"; beside them the user's own notification settings.
 */
import { PageContainer } from '../../app/page-container';
import { notificationKindLabels, notificationKindValues, type NotificationKind } from '@luoshi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, List, Row, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { NotificationLine, useOpenNotification } from './notification-bell';
import { NotificationPreferencesForm } from './notification-preferences-form';
import { notificationsQuery, useMarkAllRead } from './notifications.api';

export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [unread, setUnread] = useState(false);
  const [kind, setKind] = useState<NotificationKind | undefined>();
  const list = useInfiniteQuery(notificationsQuery({ unread, kind }));
  const markAll = useMarkAllRead();
  const open = useOpenNotification();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <PageContainer title={t('notifications.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card>
            <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
              <Flex wrap gap={8}>
                <Segmented
                  value={unread ? 'unread' : 'all'}
                  onChange={(value) => setUnread(value === 'unread')}
                  options={[
                    { value: 'all', label: t('notifications.all') },
                    { value: 'unread', label: t('notifications.unread') },
                  ]}
                />
                <Select<NotificationKind>
                  allowClear
                  placeholder={t('notifications.kind')}
                  style={{ minWidth: 150 }}
                  value={kind}
                  onChange={setKind}
                  options={notificationKindValues.map((value) => ({ value, label: notificationKindLabels[value][locale] }))}
                />
              </Flex>
              <Button loading={markAll.isPending} onClick={() => markAll.mutate()}>
                {t('notifications.markAllRead')}
              </Button>
            </Flex>
            {list.isError ? <Alert type="error" showIcon title={errorText(list.error, locale)} /> : null}
            <List
              loading={list.isPending}
              dataSource={items}
              locale={{ emptyText: t('notifications.empty') }}
              renderItem={(item) => <NotificationLine item={item} onOpen={open} />}
            />
            {list.hasNextPage ? (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t('common.loadMore')}
                </Button>
              </Flex>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('notifications.preferences')}>
            <NotificationPreferencesForm />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
