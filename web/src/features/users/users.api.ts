/** Account administration for the security administrator (安全管理员). */
import { userAccount, type createUserBody, type updateUserBody, type UserAccount } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';

/** Accounts matching the search text (username or display name). */
export function usersQuery(q: string) {
  return queryOptions({
    queryKey: ['users', { q }],
    queryFn: () => apiRequest('GET', '/api/users', { schema: userAccount.array(), query: { q } }),
  });
}

function useUsersMutation<V>(request: (variables: V) => Promise<UserAccount>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

/** `POST /api/users`. */
export function useCreateUser() {
  return useUsersMutation((body: BodyOf<typeof createUserBody>) => apiRequest('POST', '/api/users', { schema: userAccount, body }));
}

/** `PATCH /api/users/:id` with `If-Match` (also used for 停用/启用 via `isDisabled`). */
export function useUpdateUser() {
  return useUsersMutation(({ target, body }: { target: UserAccount; body: BodyOf<typeof updateUserBody> }) =>
    apiRequest('PATCH', `/api/users/${target.id}`, { schema: userAccount, body, version: target.version }),
  );
}

/** `POST /api/users/:id/password-reset`: the user must change it at next sign-in. */
export function useResetPassword() {
  return useUsersMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    apiRequest('POST', `/api/users/${id}/password-reset`, { schema: userAccount, body: { newPassword } }),
  );
}

/** `POST /api/users/:id/unlock`: lifts a lock after too many failed sign-ins. */
export function useUnlockUser() {
  return useUsersMutation((id: string) => apiRequest('POST', `/api/users/${id}/unlock`, { schema: userAccount, body: {} }));
}
