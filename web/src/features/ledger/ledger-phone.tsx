/**
 * The ledger's phone parts, loaded only on a phone (a desk computer never downloads them): the 筛选 button with its
 * drawer of stacked filters, and the card list, most urgent first.
 */
import { FilterOutlined } from '@ant-design/icons';
import type { LedgerRow } from '@luoshi/contracts';
import { Button, Drawer, Empty, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterChange } from '../../app/hooks/use-filter-in-url';
import { LedgerCards } from './ledger-cards';
import { activeFilterCount, type LedgerFilterValue } from './ledger-filter';
import { LedgerFilters } from './ledger-filters';

/** 筛选 (with how many filters are set) opening the filters in a bottom drawer. */
export function PhoneFilters({
  filter,
  onChange,
}: {
  filter: LedgerFilterValue;
  onChange: (change: FilterChange<LedgerFilterValue>) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(filter);
  return (
    <>
      <Button icon={<FilterOutlined />} block onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
        {count > 0 ? t('ledger.filtersActive', { count }) : t('ledger.filters')}
      </Button>
      <Drawer open={open} title={t('ledger.filters')} placement="bottom" size="85%" onClose={() => setOpen(false)}>
        <LedgerFilters filter={filter} onChange={onChange} stacked />
      </Drawer>
    </>
  );
}

/** The card list, or 没有符合条件的事项. */
export function PhoneList({ rows, loading }: { rows: readonly LedgerRow[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>{rows.length > 0 || loading ? <LedgerCards rows={rows} /> : <Empty description={t('ledger.empty')} />}</Spin>
  );
}
