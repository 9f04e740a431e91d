import { describe, expect, it } from 'vitest';
import { filterFromParams, inboxByDefault, paramsFromFilter } from './task-list-filter';

describe('inboxByDefault', () => {
  it('is on only for people whose roles are all unit roles', () => {
    expect(inboxByDefault({ roles: ['unit_handler'] })).toBe(true);
    expect(inboxByDefault({ roles: ['unit_handler', 'unit_leader'] })).toBe(true);
    expect(inboxByDefault({ roles: ['unit_leader', 'supervisor'] })).toBe(false);
    expect(inboxByDefault({ roles: [] })).toBe(false);
  });
});

describe('filter in the URL', () => {
  it('reads defaults and explicit choices, and ignores unknown statuses', () => {
    expect(filterFromParams(new URLSearchParams(''), { roles: ['unit_handler'] })).toEqual({
      status: undefined,
      q: undefined,
      inbox: true,
    });
    expect(filterFromParams(new URLSearchParams('inbox=false&status=bogus&q=%20教育%20'), { roles: ['unit_handler'] })).toEqual({
      status: undefined,
      q: '教育',
      inbox: false,
    });
  });
  it('round-trips', () => {
    const filter = { status: 'in_progress' as const, q: '教育', inbox: true };
    expect(filterFromParams(new URLSearchParams(paramsFromFilter(filter)), { roles: [] })).toEqual(filter);
  });
});
