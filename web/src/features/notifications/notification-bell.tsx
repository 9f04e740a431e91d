/**
 * The bell in the header: the unread count (refreshed the moment a notification arrives, over the live event stream)
 * and, on click, the newest notifications. Opening one marks it read and goes to its item; "全部已读" and "查看全部" are at the foot of the panel.
 */
import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveRefresh } from '../../app/live';
import { formatBeijingTime } from '../tasks/task-format';
import { latestNotificationsQuery, unreadCountQuery, useMarkAllRead, useMarkRead } from './notifications.api';

/**
 * "已由张三办理 12-01 10:05": the step the notification asked for was taken since (by someone else, usually). Plain
 * text, no tag or icon: the bell is part of every page's first view.
 */
function DoneLine({ done }: { done: NonNullable<Notification['done']> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type="success" style={{ fontSize: 12 }}>
        {done.actorName ? t('todo.doneBy', { name: done.actorName }) : t('todo.doneByUnknown')} {formatBeijingTime(done.at)}
      </Typography.Text>
    </div>
  );
}

/** One row of the bell panel or the page: bold while unread; a step already taken is marked done. */
export function NotificationLine({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  return (
    <List.Item style={{ cursor: 'pointer', paddingInline: 8 }} onClick={() => onOpen(item)}>
      <List.Item.Meta
        avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
        title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
        description={
          <>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {item.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatBeijingTime(item.createdAt)}
            </Typography.Text>
            {item.done && <DoneLine done={item.done} />}
          </>
        }
      />
    </List.Item>
  );
}

/** Marks a notification read (if it is not yet) and follows its link. */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    after?.();
    if (item.link) void navigate(item.link);
  };
}

function BellPanel({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const latest = useQuery(latestNotificationsQuery());
  const markAll = useMarkAllRead();
  const open = useOpenNotification(close);
  const items = latest.data?.items ?? [];
  return (
    <div style={{ width: 'min(360px, calc(100vw - 48px))' }}>
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(item) => <NotificationLine item={item} onOpen={open} />}
        />
      )}
      <Flex justify="space-between" style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8 }}>
        <Button size="small" type="link" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            close();
            void navigate('/notifications');
          }}
        >
          {t('notifications.viewAll')}
        </Button>
      </Flex>
    </div>
  );
}

/** The header action. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useQuery(unreadCountQuery());
  useLiveRefresh(['notifications'], 'notification.created');
  const count = unread.data?.count ?? 0;
  return (
    <Popover
      trigger="click"
      // Centred under the bell, which antd shifts back inside the screen where it would stick out (the bell is not at
      // the edge of a phone's header); at most the screen less 12 px each side (BellPanel narrows its content to match).
      placement="bottom"
      styles={{ root: { maxWidth: 'calc(100vw - 24px)' } }}
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={open ? <BellPanel close={() => setOpen(false)} /> : null}
    >
      <Button
        type="text"
        aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.title')}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
