/** 岗位: a unit's posts with A角/B角, so work can be routed to a post rather than to one absent person. */
import { PlusOutlined } from '@ant-design/icons';
import type { Post, Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postsQuery } from './org.api';
import { PostFormModal } from './post-form-modal';

/** The tab body. */
export function PostsTab({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ post: Post | null } | null>(null);
  const posts = useQuery(postsQuery(unit.id));
  const holder = (name: string | null) => name ?? <Typography.Text type="secondary">{t('org.post.vacant')}</Typography.Text>;

  const columns: TableColumnsType<Post> = [
    { title: t('org.post.name'), dataIndex: 'name' },
    { title: t('org.post.primaryHolder'), dataIndex: 'primaryHolderName', render: holder },
    { title: t('org.post.backupHolder'), dataIndex: 'backupHolderName', render: holder },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Button type="link" size="small" onClick={() => setEditing({ post: row })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing({ post: null })}>
          {t('org.createPost')}
        </Button>
      )}
      <Table<Post>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={posts.data ?? []}
        loading={posts.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 480 }}
      />
      <PostFormModal
        key={editing?.post?.id ?? 'new'}
        unitId={unit.id}
        post={editing?.post ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
