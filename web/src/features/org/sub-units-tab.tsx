/** 下级单位: the direct children of a unit, with 新增下级单位 for the system administrator. */
import { PlusOutlined } from '@ant-design/icons';
import type { Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitChildrenQuery } from './org.api';
import { UnitCreateModal } from './unit-create-modal';

/** The tab body; clicking a name selects that unit in the page. */
export function SubUnitsTab({ unit, canEdit, onSelect }: { unit: Unit; canEdit: boolean; onSelect: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const [isCreating, setIsCreating] = useState(false);
  const children = useQuery(unitChildrenQuery(unit.id));

  const columns: TableColumnsType<Unit> = [
    {
      title: t('org.unit.name'),
      dataIndex: 'name',
      render: (_value, row) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onSelect(row)}>
          {row.name}
        </Button>
      ),
    },
    { title: t('org.unit.shortName'), dataIndex: 'shortName', render: (value: string | null) => value ?? '—' },
    { title: t('org.unit.kind'), dataIndex: 'kind', render: (_value, row) => t(`org.unitKinds.${row.kind}`) },
    { title: t('org.unit.division'), dataIndex: 'divisionName' },
    { title: t('org.unit.sortOrder'), dataIndex: 'sortOrder', width: 80 },
    {
      title: t('org.unit.isSupervisionOffice'),
      dataIndex: 'isSupervisionOffice',
      width: 90,
      render: (value: boolean) => (value ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
    },
    {
      title: t('common.status'),
      dataIndex: 'isDisabled',
      width: 90,
      render: (value: boolean) => (value ? <Tag>{t('common.disabled')}</Tag> : <Tag color="success">{t('common.active')}</Tag>),
    },
  ];

  return (
    <>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setIsCreating(true)}>
          {t('org.createSubUnit')}
        </Button>
      )}
      <Table<Unit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={children.data ?? []}
        loading={children.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
      />
      {canEdit && <UnitCreateModal parent={unit} open={isCreating} onClose={() => setIsCreating(false)} />}
    </>
  );
}
