/** Account administration for the security administrator (安全管理员). */
import { userRoutes, type createUserBody, type updateUserBody, type UserAccount } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';

/** Accounts matching the search text (username or display name). */
export function usersQuery(q: string) {
  return queryOptions({
    queryKey: ['users', { q }],
    queryFn: () => call(userRoutes.list, { query: { q } }),
  });
}

function useUsersMutation<V>(request: (variables: V) => Promise<UserAccount>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

/** `POST /api/users`. */
export function useCreateUser() {
  return useUsersMutation((body: BodyOf<typeof createUserBody>) => call(userRoutes.create, { body }));
}

/** `PATCH /api/users/:id` with `If-Match` (also used for 停用/启用 via `isDisabled`). */
export function useUpdateUser() {
  return useUsersMutation(({ target, body }: { target: UserAccount; body: BodyOf<typeof updateUserBody> }) =>
    call(userRoutes.update, { params: { id: target.id }, body, version: target.version }),
  );
}

/** `POST /api/users/:id/password-reset`: the user must change it at next sign-in. */
export function useResetPassword() {
  return useUsersMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    call(userRoutes.resetPassword, { params: { id }, body: { newPassword } }),
  );
}

/** `POST /api/users/:id/unlock`: lifts a lock after too many failed sign-ins. */
export function useUnlockUser() {
  return useUsersMutation((id: string) => call(userRoutes.unlock, { params: { id }, body: {} }));
}
