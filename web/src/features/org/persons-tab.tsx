/**
 * 人员: people of a unit (optionally with its sub-units), editable by the system administrator. Each row also shows a
 * current or planned 请假/出差; the unit's own handlers and leaders (and the system administrator) record and end it,
 * which is what hands the person's items to their B角.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { Person, Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { beijingToday } from '../tasks/task-format';
import { AbsenceModal } from './absence-modal';
import { personsQuery, useClearAbsence, useUpdatePerson } from './org.api';
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
  const [markingAbsent, setMarkingAbsent] = useState<Person | null>(null);
  const persons = useQuery(personsQuery({ unitId: unit.id, includeSubunits }));
  const update = useUpdatePerson();
  const clearAbsence = useClearAbsence();
  const handleError = useApiErrorHandler();
  // The server checks the person's unit is in the caller's scope; the page only shows units in scope anyway.
  const canMarkAbsence = hasAnyRole(useCurrentUser(), 'system_admin', 'unit_leader', 'unit_handler');
  const today = beijingToday();
  /** An absence that has not ended yet (current or planned); a past one no longer matters. */
  const absenceOf = (person: Person) => (person.absence && person.absence.until >= today ? person.absence : null);

  const endAbsence = (person: Person) =>
    clearAbsence.mutate(person.id, {
      onSuccess: () => void message.success(t('org.absence.cleared', { name: person.name })),
      onError: (error) => handleError(error),
    });

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
      title: t('org.absence.column'),
      key: 'absence',
      width: 150,
      render: (_value, row) => {
        const absence = absenceOf(row);
        if (!absence) return '—';
        return (
          <Tag color={absence.from <= today ? 'orange' : 'default'} style={{ whiteSpace: 'normal' }}>
            {t(absence.from <= today ? 'org.absence.away' : 'org.absence.planned', absence)}
          </Tag>
        );
      },
    },
    {
      title: t('common.status'),
      dataIndex: 'isDisabled',
      width: 80,
      render: (value: boolean) => (value ? <Tag>{t('common.disabled')}</Tag> : <Tag color="success">{t('common.active')}</Tag>),
    },
  ];
  if (canEdit || canMarkAbsence) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canEdit ? 260 : 120,
      render: (_value, row) => (
        <Space size={0} wrap>
          {canEdit && (
            <Button type="link" size="small" onClick={() => setEditing({ person: row })}>
              {t('common.edit')}
            </Button>
          )}
          {canEdit && row.isLeader && (
            <Button type="link" size="small" onClick={() => setOverseeing(row)}>
              {t('org.setOverseenUnits')}
            </Button>
          )}
          {canMarkAbsence &&
            !row.isLeader &&
            (absenceOf(row) ? (
              <Popconfirm title={t('org.absence.confirmClear', { name: row.name })} onConfirm={() => endAbsence(row)}>
                <Button type="link" size="small">
                  {t('org.absence.clear')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => setMarkingAbsent(row)}>
                {t('org.absence.mark')}
              </Button>
            ))}
          {canEdit && (
            <Popconfirm
              title={t(row.isDisabled ? 'common.confirmEnable' : 'common.confirmDisable', { name: row.name })}
              onConfirm={() => toggleDisabled(row)}
            >
              <Button type="link" size="small" danger={!row.isDisabled}>
                {row.isDisabled ? t('common.enable') : t('common.disable')}
              </Button>
            </Popconfirm>
          )}
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
      {markingAbsent && <AbsenceModal key={markingAbsent.id} person={markingAbsent} onClose={() => setMarkingAbsent(null)} />}
    </>
  );
}
