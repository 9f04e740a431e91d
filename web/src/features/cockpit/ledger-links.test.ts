import { describe, expect, it } from 'vitest';
import { completedThisYearUrl, groupUrl, ledgerUrl, monthRange, monthUrl, warningUrl } from './ledger-links';

const unit = '0190f3a4-7b1c-7def-8abc-0123456789ab';

describe('cockpit → ledger links', () => {
  it('repeats status, adds the light and the unit, and leaves empty parts out', () => {
    expect(ledgerUrl({})).toBe('/ledger');
    expect(ledgerUrl({ status: ['in_progress'], warning: 'red', leadUnitId: unit })).toBe(
      `/ledger?status=in_progress&warning=red&leadUnitId=${unit}`,
    );
    expect(ledgerUrl({ status: [], leadUnitId: null })).toBe('/ledger');
  });

  it('links a 州市 figure to its open, overdue or completed items', () => {
    expect(groupUrl('open', unit)).toBe(
      `/ledger?status=assigned&status=accepted&status=in_progress&status=completion_requested&leadUnitId=${unit}`,
    );
    expect(warningUrl('red', unit)).toBe(
      `/ledger?status=assigned&status=accepted&status=in_progress&status=completion_requested&warning=red&leadUnitId=${unit}`,
    );
    expect(groupUrl('completed')).toBe('/ledger?status=completed&status=evaluated&status=archived');
    const total = new URL(groupUrl('total'), 'http://x').searchParams.getAll('status');
    expect(total).not.toContain('draft');
    expect(total).not.toContain('withdrawn');
    expect(total).toContain('suspended');
  });

  it('links a month to the items assigned or completed in it, both ends included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthUrl('completed', '2026-03')).toBe(
      '/ledger?status=completed&status=evaluated&status=archived&completedFrom=2026-03-01&completedTo=2026-03-31',
    );
    expect(new URL(monthUrl('assigned', '2026-03'), 'http://x').searchParams.get('assignedTo')).toBe('2026-03-31');
    expect(completedThisYearUrl('2026-03-02')).toBe(
      '/ledger?status=completed&status=evaluated&status=archived&completedFrom=2026-01-01&completedTo=2026-03-02',
    );
  });
});
