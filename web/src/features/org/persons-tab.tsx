/** 人员: people of a unit (optionally with its sub-units), editable by the system administrator. */
import { PlusOutlined } from '@ant-design/icons';
import type { Person, Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { personsQuery, useUpdatePerson } from './org.api';
import { OverseenUnitsModal } from './overseen-units-modal';
import { PersonFormModal } from './person-form-modal';
import { UnitNames } from './unit-names';

/** The tab body. */
export function PersonsTab({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [includeSubunits, setIncludeSubunits] = useState(false);
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const [overseeing, setOverseeing] = useState<Person | null>(null);
  const persons = useQuery(personsQuery({ unitId: unit.id, includeSubunits }));
  const update = useUpdatePerson();
  const handleError = useApiErrorHandler();

  const toggleDisabled = (person: Person) =>
    update.mutate(
      { target: person, body: { isDisabled: !person.isDisabled } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => handleError(error) },
    );

  const columns: TableColumnsType<Person> = [
    { title: t('org.person.name'), dataIndex: 'name', fixed: 'left', width: 96 },
    ...(includeSubunits ? [{ title: t('org.unit.name'), dataIndex: 'unitName' }] : []),
    { title: t('org.person.title'), dataIndex: 'title', render: (value: string | null) => value ?? '—' },
    { title: t('org.person.phone'), dataIndex: 'phone', render: (value: string | null) => value ?? '—' },
    { title: t('org.person.email'), dataIndex: 'email', render: (value: string | null) => value ?? '—' },
    {
      title: t('org.person.isLeader'),
      dataIndex: 'isLeader',
      width: 72,
      render: (value: boolean) => (value ? <Tag color="blue">{t('org.person.isLeader')}</Tag> : '—'),
    },
    { title: t('org.person.oversightAreas'), dataIndex: 'oversightAreas', render: (value: string | null) => value ?? '—' },
    {
      title: t('org.person.overseenUnits'),
      dataIndex: 'overseenUnitIds',
      render: (_value, row) => (row.isLeader ? <UnitNames ids={row.overseenUnitIds} /> : '—'),
    },
    {
      title: t('common.status'),
      dataIndex: 'isDisabled',
      width: 80,
      render: (value: boolean) => (value ? <Tag>{t('common.disabled')}</Tag> : <Tag color="success">{t('common.active')}</Tag>),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 200,
      render: (_value, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ person: row })}>
            {t('common.edit')}
          </Button>
          {row.isLeader && (
            <Button type="link" size="small" onClick={() => setOverseeing(row)}>
              {t('org.setOverseenUnits')}
            </Button>
          )}
          <Popconfirm
            title={t(row.isDisabled ? 'common.confirmEnable' : 'common.confirmDisable', { name: row.name })}
            onConfirm={() => toggleDisabled(row)}
          >
            <Button type="link" size="small" danger={!row.isDisabled}>
              {row.isDisabled ? t('common.enable') : t('common.disable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })}>
            {t('org.createPerson')}
          </Button>
        ) : (
          <span />
        )}
        <Space>
          <Switch size="small" checked={includeSubunits} onChange={setIncludeSubunits} />
          <Typography.Text>{t('org.includeSubunits')}</Typography.Text>
        </Space>
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={persons.data ?? []}
        loading={persons.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
      />
      <PersonFormModal
        key={editing?.person?.id ?? 'new'}
        unitId={unit.id}
        person={editing?.person ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <OverseenUnitsModal person={overseeing} onClose={() => setOverseeing(null)} />
    </>
  );
}
