/**
 * /ledger 督查工作台账: every item the user may see, filtered and sorted on the server, keyset-paged with 加载更多.
 * The filter lives in the URL (see ledger-filter.ts), so other pages link to a filtered ledger and a reload keeps
 * it. The colour tags on top count the whole filter and switch the warning filter; the export downloads exactly the
 * filtered set; saved views remember filter and columns.
 */
import { DownloadOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '../../app/page-container';
import { ledgerColumnValues, ledgerWarningValues, type LedgerColumn, type LedgerWarning } from '@luoshi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Grid, Popover, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useFilterInUrl } from '../../app/hooks/use-filter-in-url';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { defaultColumns, filterFromParams, paramsFromFilter, type LedgerFilterValue } from './ledger-filter';
import { LedgerFilters } from './ledger-filters';
import { LedgerTable, useLedgerColumns } from './ledger-table';
import { LedgerViews } from './ledger-views';
import { exportHref, ledgerQuery } from './ledger.api';
import { useLiveRefresh } from '../../app/live';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const LedgerImportModal = lazyDialog(() => import('./ledger-import-modal').then((m) => m.LedgerImportModal));

const PhoneFilters = lazy(() => import('./ledger-phone').then((m) => ({ default: m.PhoneFilters })));
const PhoneList = lazy(() => import('./ledger-phone').then((m) => ({ default: m.PhoneList })));

const columnsKey = 'luoshi.ledger.columns';
const tagColours = { green: 'success', yellow: 'warning', red: 'error' } as const;

function storedColumns(): LedgerColumn[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(columnsKey) ?? 'null');
    if (Array.isArray(parsed)) {
      const known = parsed.filter((c): c is LedgerColumn => (ledgerColumnValues as readonly unknown[]).includes(c));
      if (known.length) return known;
    }
  } catch {
    // unreadable storage: fall back to the defaults
  }
  return defaultColumns;
}

function ColumnChooser({ value, onChange }: { value: readonly LedgerColumn[]; onChange: (next: LedgerColumn[]) => void }) {
  const { t } = useTranslation();
  const all = useLedgerColumns();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group<LedgerColumn>
          value={[...value]}
          onChange={(next) => onChange(all.map((c) => c.key).filter((key) => next.includes(key)))}
          style={{ display: 'grid', gap: 4 }}
          options={all.map((column) => ({ value: column.key, label: column.title as string }))}
        />
      }
    >
      <Button icon={<SettingOutlined />}>{t('ledger.columns')}</Button>
    </Popover>
  );
}

export function LedgerPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const [filter, changeFilter] = useFilterInUrl(filterFromParams, paramsFromFilter);
  const [columns, setColumns] = useState<LedgerColumn[]>(storedColumns);
  const [importing, setImporting] = useState(false);
  // A phone gets cards, most urgent first, and its filters in a drawer (390 px has no room for a filter bar).
  const isNarrow = Grid.useBreakpoint().md === false;
  const ledger = useInfiniteQuery(ledgerQuery(filter));
  // Lights, statuses and roll-ups change under the clerk's eyes as reports and steps come in (server-sent events).
  useLiveRefresh(['tasks', 'ledger']);
  const rows = ledger.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = ledger.data?.pages[0]?.counts;

  const setFilter = (next: LedgerFilterValue) => changeFilter(() => next);
  const chooseColumns = (next: LedgerColumn[]) => {
    setColumns(next);
    window.localStorage.setItem(columnsKey, JSON.stringify(next));
  };
  const toggleWarning = (colour: LedgerWarning | null) =>
    changeFilter((current) => {
      const only = current.warning?.length === 1 && current.warning[0] === colour;
      return { ...current, warning: colour && !only ? [colour] : undefined };
    });

  return (
    <PageContainer
      title={t('ledger.title')}
      content={<Typography.Text type="secondary">{t('ledger.intro')}</Typography.Text>}
      extra={
        <Flex gap={8} wrap>
          <LedgerViews
            filter={filter}
            columns={columns}
            onApply={(view) => {
              setFilter(view.query);
              if (view.columns?.length) chooseColumns(view.columns);
            }}
          />
          {!isNarrow && <ColumnChooser value={columns} onChange={chooseColumns} />}
          <Tooltip title={t('ledger.exportHint', { count: counts?.total ?? 0 })}>
            <Button icon={<DownloadOutlined />} href={exportHref(filter)} disabled={!counts}>
              {t('ledger.export')}
            </Button>
          </Tooltip>
          {hasAnyRole(user, 'supervisor') && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('ledger.import')}
            </Button>
          )}
        </Flex>
      }
    >
      {isNarrow ? (
        <Suspense fallback={null}>
          <PhoneFilters filter={filter} onChange={changeFilter} />
        </Suspense>
      ) : (
        <LedgerFilters filter={filter} onChange={changeFilter} />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Tag.CheckableTag checked={!filter.warning?.length} onChange={() => toggleWarning(null)}>
          {t('ledger.warningTotal', { count: counts?.total ?? 0 })}
        </Tag.CheckableTag>
        {ledgerWarningValues.map((colour) => {
          const selected = filter.warning?.includes(colour) ?? false;
          return (
            <Tag
              key={colour}
              color={tagColours[colour]}
              variant={selected ? 'solid' : 'outlined'}
              onClick={() => toggleWarning(colour)}
              style={{ cursor: 'pointer', userSelect: 'none' }}
              role="button"
              aria-pressed={selected}
            >
              {t(`ledger.warnings.${colour}`)} {counts?.[colour] ?? 0}
            </Tag>
          );
        })}
      </Flex>
      {ledger.isError && <Alert type="error" showIcon title={errorText(ledger.error, locale)} style={{ marginBottom: 12 }} />}
      {isNarrow ? (
        <Suspense fallback={null}>
          <PhoneList rows={rows} loading={ledger.isPending} />
        </Suspense>
      ) : (
        <LedgerTable
          rows={rows}
          loading={ledger.isPending}
          columns={columns}
          filter={filter}
          onSort={(sort, order) => changeFilter((current) => ({ ...current, sort, order }))}
        />
      )}
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {ledger.hasNextPage ? (
          <Button loading={ledger.isFetchingNextPage} onClick={() => void ledger.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
        {counts && rows.length > 0 && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ledger.loaded', {
                loaded: rows.length,
                total: filter.warning?.length ? rowsTotal(counts, filter.warning) : counts.total,
              })}
            </Typography.Text>
          </div>
        )}
      </div>
      {importing && <LedgerImportModal open onClose={() => setImporting(false)} />}
    </PageContainer>
  );
}

/** Items of the chosen colours (the counts ignore the colour filter). */
function rowsTotal(counts: Record<LedgerWarning, number>, colours: readonly LedgerWarning[]): number {
  return colours.reduce((sum, colour) => sum + counts[colour], 0);
}
