/** The right-hand panel of 组织机构: one unit's header and its four tabs. */
import type { Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { unitQuery } from './org.api';
import { PersonsTab } from './persons-tab';
import { PostsTab } from './posts-tab';
import { SubUnitsTab } from './sub-units-tab';
import { UnitAliasesTab } from './unit-aliases-tab';
import { UnitBasicTab } from './unit-basic-tab';

/** Detail of unit `unitId`; `onSelect` moves the page to another unit (from the 下级单位 table). */
export function UnitDetail({ unitId, canEdit, onSelect }: { unitId: string; canEdit: boolean; onSelect: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const detail = useQuery(unitQuery(unitId));

  if (detail.isError) {
    return <Alert type="error" showIcon title={errorText(detail.error, locale)} />;
  }
  if (!detail.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const unit = detail.data;
  return (
    <Card
      title={
        <Space wrap size={4} style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {unit.name}
          </Typography.Text>
          <Tag>{t(`org.unitKinds.${unit.kind}`)}</Tag>
          {unit.isSupervisionOffice && <Tag color="red">{t('org.unit.isSupervisionOffice')}</Tag>}
          {unit.isDisabled && <Tag>{t('common.disabled')}</Tag>}
        </Space>
      }
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'basic', label: t('org.tabs.basic'), children: <UnitBasicTab unit={unit} canEdit={canEdit} /> },
          {
            key: 'sub-units',
            label: t('org.tabs.subUnits'),
            children: <SubUnitsTab unit={unit} canEdit={canEdit} onSelect={onSelect} />,
          },
          { key: 'persons', label: t('org.tabs.persons'), children: <PersonsTab unit={unit} canEdit={canEdit} /> },
          { key: 'posts', label: t('org.tabs.posts'), children: <PostsTab unit={unit} canEdit={canEdit} /> },
          { key: 'aliases', label: t('org.tabs.aliases'), children: <UnitAliasesTab unit={unit} canEdit={canEdit} /> },
        ]}
      />
    </Card>
  );
}
