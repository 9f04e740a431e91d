/** The 通报候选 and 约谈建议 lists (keyset pages), refreshed with the items they list. */
import { escalationRoutes } from '@luoshi/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { call } from '../../app/api/client';

export type CandidateList = 'bulletin' | 'interview';

export function escalationCandidatesQuery(rung: CandidateList) {
  return infiniteQueryOptions({
    // Under `tasks`, so a change to any item (live events invalidate ['tasks']) refreshes the list.
    queryKey: ['tasks', 'escalations', rung],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => call(escalationRoutes.list, { query: { rung, limit: 50, cursor: pageParam } }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
