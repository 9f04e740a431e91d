import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterFromParams, paramsFromFilter, withDefaultSort } from './ledger-filter';

const unit = '0190f3a4-7b1c-7def-8abc-0123456789ab';

describe('ledger filter in the URL', () => {
  it('reads the parameters other pages link with, lists comma-separated or repeated', () => {
    expect(filterFromParams(new URLSearchParams(`status=in_progress,accepted&warning=red&leadUnitId=${unit}`))).toEqual({
      status: ['in_progress', 'accepted'],
      warning: ['red'],
      leadUnitId: unit,
    });
    expect(filterFromParams(new URLSearchParams('status=draft&status=assigned&q=%20教育%20&topLevelOnly=true'))).toEqual({
      status: ['draft', 'assigned'],
      q: '教育',
      topLevelOnly: 'true',
    });
  });

  it('drops what does not parse and ignores parameters it does not know', () => {
    expect(
      filterFromParams(new URLSearchParams('status=bogus&warning=purple&leadUnitId=x&deadlineFrom=2026-13-01&sort=size&utm=1&q=')),
    ).toEqual({});
    expect(filterFromParams(new URLSearchParams('sort=warningLevel&order=desc&deadlineTo=2026-12-31'))).toEqual({
      sort: 'warningLevel',
      order: 'desc',
      deadlineTo: '2026-12-31',
    });
  });

  it('round-trips every field', () => {
    const filter = {
      source: ['work_report' as const, 'meeting_decision' as const],
      status: ['in_progress' as const],
      leadUnitId: unit,
      responsibleLeaderId: unit,
      warning: ['red' as const, 'yellow' as const],
      deadlineFrom: '2026-01-01',
      deadlineTo: '2026-12-31',
      createdFrom: '2026-02-01',
      createdTo: '2026-02-28',
      parentId: unit,
      topLevelOnly: 'true' as const,
      q: '高标准农田',
      sort: 'createdAt' as const,
      order: 'desc' as const,
    };
    const params = paramsFromFilter(filter);
    expect(params.status).toBe('in_progress');
    expect(params.warning).toBe('red,yellow');
    expect(filterFromParams(new URLSearchParams(params))).toEqual(filter);
    expect(paramsFromFilter({ status: [], q: undefined })).toEqual({});
  });

  it('reads by urgency unless the filter sorts otherwise, and counts what narrows the list', () => {
    expect(withDefaultSort({ status: ['in_progress'] })).toEqual({ status: ['in_progress'], sort: 'warningLevel', order: 'desc' });
    expect(withDefaultSort({ sort: 'deadline', order: 'asc' })).toEqual({ sort: 'deadline', order: 'asc' });
    expect(activeFilterCount({ sort: 'deadline', warning: ['red'] })).toBe(0);
    expect(activeFilterCount({ status: ['in_progress'], q: '农田', leadUnitId: unit })).toBe(3);
  });
});
