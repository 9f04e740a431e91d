/** /calendar 工作日历: the year's holidays and 调休上班 days (edited by system_admin) and a working-day calculator. */
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '../../app/page-container';
import type { CalendarDay } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { calendarYearQuery, useRemoveCalendarDay } from './calendar.api';
import { CalendarDayModal } from './calendar-day-modal';
import { WorkingDayTool } from './working-day-tool';

const thisYear = dayjs().year();
const years = Array.from({ length: 8 }, (_, index) => thisYear - 5 + index);

/** The page. */
export function CalendarPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, 'system_admin');
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<{ entry: CalendarDay | null } | null>(null);
  const days = useQuery(calendarYearQuery(year));
  const remove = useRemoveCalendarDay();
  const handleError = useApiErrorHandler();
  const rows = [...(days.data ?? [])].sort((a, b) => a.day.localeCompare(b.day));
  const holidays = rows.filter((row) => row.kind === 'holiday').length;

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('calendar.day'), dataIndex: 'day', width: 120 },
    { title: t('calendar.weekday'), key: 'weekday', width: 90, render: (_value, row) => dayjs(row.day).format('dddd') },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_value, row) => <Tag color={row.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${row.kind}`)}</Tag>,
    },
    { title: t('calendar.name'), dataIndex: 'name' },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_value, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ entry: row })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.removeConfirm', { day: row.day })}
            onConfirm={() =>
              remove.mutate(row.day, { onSuccess: () => void message.success(t('common.removed')), onError: (e) => handleError(e) })
            }
          >
            <Button type="link" size="small" danger>
              {t('common.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <PageContainer title={t('menu.calendar')}>
      {!canEdit && <Alert type="info" showIcon title={t('calendar.readOnlyHint')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={
              <Space wrap>
                <span>{t('calendar.year')}</span>
                <Select
                  value={year}
                  onChange={setYear}
                  options={years.map((y) => ({ value: y, label: String(y) }))}
                  style={{ width: 100 }}
                />
              </Space>
            }
            extra={
              canEdit && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
                  {t('calendar.addDay')}
                </Button>
              )
            }
          >
            {days.isError && <Alert type="error" showIcon title={errorText(days.error, locale)} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph type="secondary">
              {t('calendar.summary', { holidays, makeups: rows.length - holidays })}
            </Typography.Paragraph>
            <Table<CalendarDay>
              rowKey="day"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={days.isPending}
              pagination={false}
              locale={{ emptyText: t('calendar.empty') }}
              scroll={{ x: canEdit ? 560 : 430 }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <WorkingDayTool />
        </Col>
      </Row>
      {canEdit && (
        <CalendarDayModal
          key={editing?.entry?.day ?? 'new'}
          entry={editing?.entry ?? null}
          year={year}
          open={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </PageContainer>
  );
}
