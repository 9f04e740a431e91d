/**
 * 由谁办理 on the item page (issue 13 item 7): who signs for the item, reports on it and asks to close it — for a
 * 州市 or county government as lead unit, its 督查室 by default, or the 承办人 it named — and whether that is the
 * reader. Read from `GET /api/tasks/:id/who-acts`; a dash while it loads or if it cannot be read.
 */
import type { LeadActingKind } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { whoActsQuery } from './todo.api';

const names = (all: { name: string; kind: LeadActingKind }[], kind: LeadActingKind) =>
  all
    .filter((a) => a.kind === kind)
    .map((a) => a.name)
    .join('、');

export function WhoActs({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const who = useQuery(whoActsQuery(taskId));
  if (!who.data) return <>—</>;
  const { leadUnitName, governmentLead, handlerName, actors, you } = who.data;
  const office = names(actors, 'supervision_office');
  const staff = names(actors, 'unit_staff');
  const lines = [
    handlerName && t('todo.whoActs.handler', { name: handlerName }),
    office && t('todo.whoActs.office', { names: office }),
    staff && t('todo.whoActs.staff', { names: staff }),
    !handlerName && !office && !staff && t('todo.whoActs.nobody'),
  ].filter(Boolean);
  return (
    <Flex vertical gap={2}>
      <span>{governmentLead ? t('todo.whoActs.government', { unit: leadUnitName }) : t('todo.whoActs.unit', { unit: leadUnitName })}</span>
      {lines.map((line) => (
        <Typography.Text key={line as string} type="secondary">
          {line}
        </Typography.Text>
      ))}
      {you && (
        <span>
          <Tag color="success">{t(`todo.whoActs.you.${you}`)}</Tag>
        </span>
      )}
    </Flex>
  );
}
