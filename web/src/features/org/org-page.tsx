/**
 * /org 组织机构: unit tree on the left, the chosen unit on the right. On phones the tree moves into a drawer opened
 * by a button above the panel. The chosen unit is kept in `?unit=` so a reload or a shared link shows the same one.
 */
import { ApartmentOutlined } from '@ant-design/icons';
import { PageContainer } from '../../app/page-container';
import type { Unit } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Grid, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { rootUnitsQuery } from './org.api';
import { UnitDetail } from './unit-detail';
import { UnitTree } from './unit-tree';

/** The page. Read-only unless the user is the system administrator (the server enforces the same). */
export function OrgPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, 'system_admin');
  const canMarkAbsence = hasAnyRole(user, 'unit_leader', 'unit_handler');
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const [isTreeOpen, setIsTreeOpen] = useState(false);
  const roots = useQuery(rootUnitsQuery);
  const selectedId = searchParams.get('unit') ?? roots.data?.[0]?.id ?? null;

  const select = (unit: Unit) => {
    setSearchParams({ unit: unit.id });
    setIsTreeOpen(false);
  };
  const tree = <UnitTree selectedId={selectedId} onSelect={select} />;

  return (
    <PageContainer title={t('menu.org')}>
      {!canEdit && (
        <Alert type="info" showIcon title={t(canMarkAbsence ? 'org.absenceOnlyHint' : 'org.readOnlyHint')} style={{ marginBottom: 16 }} />
      )}
      {isNarrow && (
        <>
          <Button icon={<ApartmentOutlined />} block style={{ marginBottom: 12 }} onClick={() => setIsTreeOpen(true)}>
            {t('org.chooseUnit')}
          </Button>
          <Drawer open={isTreeOpen} placement="left" size="85%" title={t('org.chooseUnit')} onClose={() => setIsTreeOpen(false)}>
            {tree}
          </Drawer>
        </>
      )}
      <Row gutter={[16, 16]}>
        {!isNarrow && (
          <Col md={9} lg={7}>
            <Card styles={{ body: { padding: 12, maxHeight: 'calc(100vh - 200px)', overflow: 'auto' } }}>{tree}</Card>
          </Col>
        )}
        <Col xs={24} md={15} lg={17}>
          {selectedId ? <UnitDetail unitId={selectedId} canEdit={canEdit} onSelect={select} /> : <Card>{t('org.selectHint')}</Card>}
        </Col>
      </Row>
    </PageContainer>
  );
}
