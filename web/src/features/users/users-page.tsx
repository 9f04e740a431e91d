/** /admin/users 账户管理 (security_admin): search, create, edit, 停用/启用, 重置密码, 解锁. */
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../app/page-container';
import type { UserAccount } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { RoleTags } from '../../app/roles';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';
import { usersQuery, useUnlockUser, useUpdateUser } from './users.api';

function StateTags({ user }: { user: UserAccount }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {user.isDisabled ? <Tag>{t('users.state.disabled')}</Tag> : <Tag color="success">{t('users.state.active')}</Tag>}
      {user.isLocked && <Tag color="error">{t('users.state.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('users.state.mustChangePassword')}</Tag>}
    </Space>
  );
}

/** The page. */
export function UsersPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ user: UserAccount | null } | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const users = useQuery(usersQuery(q));
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const handleError = useApiErrorHandler();

  const toggleDisabled = (user: UserAccount) =>
    update.mutate(
      { target: user, body: { isDisabled: !user.isDisabled } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => handleError(error) },
    );

  const columns: TableColumnsType<UserAccount> = [
    { title: t('users.username'), dataIndex: 'username', fixed: 'left', width: 120 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110 },
    { title: t('users.scopeUnit'), dataIndex: 'scopeUnitName' },
    { title: t('users.roles'), dataIndex: 'roles', render: (_value, row) => <RoleTags roles={row.roles} locale={locale} /> },
    {
      title: t('users.totp'),
      dataIndex: 'isTotpEnabled',
      width: 100,
      render: (value: boolean) => (value ? <Tag color="success">{t('home.twoFactorOn')}</Tag> : <Tag>{t('home.twoFactorOff')}</Tag>),
    },
    { title: t('common.status'), key: 'state', width: 130, render: (_value, row) => <StateTags user={row} /> },
    {
      title: t('users.lastSignInAt'),
      dataIndex: 'lastSignInAt',
      width: 150,
      render: (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : t('users.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_value, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ user: row })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={
              row.isDisabled ? t('common.confirmEnable', { name: row.displayName }) : t('users.confirmDisable', { name: row.displayName })
            }
            onConfirm={() => toggleDisabled(row)}
          >
            <Button type="link" size="small" danger={!row.isDisabled}>
              {row.isDisabled ? t('common.enable') : t('common.disable')}
            </Button>
          </Popconfirm>
          <Button type="link" size="small" onClick={() => setResetting(row)}>
            {t('users.resetPassword')}
          </Button>
          {row.isLocked && (
            <Button
              type="link"
              size="small"
              onClick={() =>
                unlock.mutate(row.id, {
                  onSuccess: () => void message.success(t('users.unlocked')),
                  onError: (error) => handleError(error),
                })
              }
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('menu.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
          {t('users.create')}
        </Button>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim())}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <Table<UserAccount>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1150 }}
      />
      <UserFormModal
        key={editing?.user?.id ?? 'new'}
        user={editing?.user ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
