import type { Role } from '@luoshi/contracts';
import type { TFunction } from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { contractsModule } from './api/client';
import { menuEntriesFor } from './menu';
import { loginPathFor, safeNextPath, selectedMenuPath } from './navigation';

// The menu's imports start loading the contracts in the background (api/client.ts); the test ends only once they have
// loaded, or vitest tears the environment down under the import and reports an unhandled error.
afterAll(() => contractsModule);

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/org?unit=1')).toBe('/org?unit=1');
  });
  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login?next=/x'])('falls back to / for %s', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('encodes where to come back to', () => {
    expect(loginPathFor({ pathname: '/admin/users', search: '?q=a' })).toBe('/login?next=%2Fadmin%2Fusers%3Fq%3Da');
  });
  it('adds no next for the home page', () => {
    expect(loginPathFor({ pathname: '/', search: '' })).toBe('/login');
  });
});

describe('selectedMenuPath', () => {
  const paths = ['/', '/tasks', '/tasks/new', '/org'];
  it('picks the deepest matching entry only', () => {
    expect(selectedMenuPath('/tasks/new', paths)).toBe('/tasks/new');
    expect(selectedMenuPath('/tasks/0190f3a4-7b1c-7def-8abc-0123456789ab', paths)).toBe('/tasks');
    expect(selectedMenuPath('/tasks', paths)).toBe('/tasks');
    expect(selectedMenuPath('/', paths)).toBe('/');
    expect(selectedMenuPath('/tasksx', paths)).toBeUndefined();
  });
});

describe('the 路线图 entry', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  const pathsFor = (roles: Role[]) => menuEntriesFor({ roles }, t).map((entry) => entry.path);
  it('is shown to supervisors and government leaders only', () => {
    expect(pathsFor(['supervisor'])).toContain('/roadmap');
    expect(pathsFor(['government_leader'])).toContain('/roadmap');
    expect(pathsFor(['unit_handler', 'unit_leader'])).not.toContain('/roadmap');
  });
  it('is highlighted on its page, with or without a chosen source', () => {
    const paths = pathsFor(['supervisor']);
    expect(selectedMenuPath('/roadmap', paths)).toBe('/roadmap');
    expect(selectedMenuPath('/tasks/0190f3a4-7b1c-7def-8abc-0123456789ab', paths)).toBe('/tasks');
  });
});
