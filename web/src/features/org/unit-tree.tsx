/**
 * The unit tree, loaded one level at a time (a province has thousands of units; loading all would be slow on a
 * county office's line). Levels live in the query cache, so after an edit the affected level simply refetches.
 * A search box switches to a flat list of matches within the user's scope.
 */
import type { Unit } from '@luoshi/contracts';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Input, List, Spin, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rootUnitsQuery, unitChildrenQuery, unitSearchQuery } from './org.api';

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <span style={{ color: unit.isDisabled ? '#8c8c8c' : undefined }}>
      {unit.name}
      {unit.isSupervisionOffice && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('org.unit.isSupervisionOffice')}
        </Tag>
      )}
      {unit.isDisabled && <Tag style={{ marginInlineStart: 6 }}>{t('common.disabled')}</Tag>}
    </span>
  );
}

function toNode(unit: Unit, childrenOf: ReadonlyMap<string, Unit[]>): TreeDataNode {
  const children = childrenOf.get(unit.id);
  return {
    key: unit.id,
    title: <UnitTitle unit={unit} />,
    isLeaf: unit.childCount === 0,
    children: children?.map((child) => toNode(child, childrenOf)),
  };
}

function SearchResults({ q, onSelect }: { q: string; onSelect: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const results = useQuery(unitSearchQuery(q));
  return (
    <>
      <Typography.Text type="secondary">{t('org.searchResults')}</Typography.Text>
      <List<Unit>
        size="small"
        loading={results.isPending}
        dataSource={results.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noResults')} /> }}
        renderItem={(unit) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(unit)}>
            <List.Item.Meta title={<UnitTitle unit={unit} />} description={unit.divisionName} />
          </List.Item>
        )}
      />
    </>
  );
}

/** The tree panel; `onSelect` receives the unit the user clicked (in the tree or in search results). */
export function UnitTree({ selectedId, onSelect }: { selectedId: string | null; onSelect: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const roots = useQuery(rootUnitsQuery);

  useEffect(() => {
    const first = roots.data?.[0];
    if (first && first.childCount > 0) {
      setExpandedKeys((keys) => (keys.length === 0 ? [first.id] : keys));
    }
  }, [roots.data]);

  const levels = useQueries({ queries: expandedKeys.map((id) => unitChildrenQuery(id)) });
  const treeData = useMemo(() => {
    const childrenOf = new Map<string, Unit[]>();
    expandedKeys.forEach((id, index) => {
      const level = levels[index]?.data;
      if (level) {
        childrenOf.set(id, level);
      }
    });
    return (roots.data ?? []).map((unit) => toNode(unit, childrenOf));
  }, [expandedKeys, levels, roots.data]);

  const unitsById = useMemo(() => {
    const map = new Map<string, Unit>();
    for (const unit of roots.data ?? []) map.set(unit.id, unit);
    for (const level of levels) for (const unit of level.data ?? []) map.set(unit.id, unit);
    return map;
  }, [levels, roots.data]);

  return (
    <div>
      <Input.Search
        allowClear
        value={search}
        placeholder={t('org.searchPlaceholder')}
        onChange={(event) => {
          setSearch(event.target.value);
          if (!event.target.value) setQ('');
        }}
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 12 }}
      />
      {q ? (
        <>
          <SearchResults q={q} onSelect={onSelect} />
          <Button
            type="link"
            style={{ paddingInline: 0 }}
            onClick={() => {
              setQ('');
              setSearch('');
            }}
          >
            {t('org.backToTree')}
          </Button>
        </>
      ) : roots.isPending ? (
        <Spin />
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={expandedKeys}
          selectedKeys={selectedId ? [selectedId] : []}
          onExpand={(keys) => setExpandedKeys(keys.map(String))}
          loadData={async (node) => {
            await client.ensureQueryData(unitChildrenQuery(String(node.key)));
          }}
          onSelect={(_keys, info) => {
            const unit = unitsById.get(String(info.node.key));
            if (unit) onSelect(unit);
          }}
        />
      )}
    </div>
  );
}
