/** Shows unit ids (e.g. a leader's 分管单位) by name, resolving each through the cached unit detail query. */
import { useQueries } from '@tanstack/react-query';
import { Tag } from 'antd';
import { unitQuery } from './org.api';

/** Tags with unit names; ids still loading show a dash, so the cell never flashes raw UUIDs. */
export function UnitNames({ ids }: { ids: readonly string[] }) {
  const units = useQueries({ queries: ids.map((id) => ({ ...unitQuery(id), staleTime: 300_000 })) });
  if (ids.length === 0) {
    return <>—</>;
  }
  return (
    <>
      {units.map((query, index) => (
        <Tag key={ids[index]} style={{ marginBlock: 2 }}>
          {query.data?.name ?? '…'}
        </Tag>
      ))}
    </>
  );
}
