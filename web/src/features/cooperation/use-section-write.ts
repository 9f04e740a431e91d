/**
 * One way for the section's dialogs to send a write: a guard against a second click before React re-renders, the
 * success message, field errors on the form, and closing the dialog when the server refused for the item's state
 * (403/404/409 — the section has been reloaded meanwhile and shows what is possible now).
 */
import { App, type FormInstance } from 'antd';
import { useRef } from 'react';
import { ApiError } from '../../app/api/api-error';
import type { CodeFields } from '../../app/api/form-errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useCooperationWrite } from './cooperation.api';

type WriteArgument = Parameters<ReturnType<typeof useCooperationWrite>['mutate']>[0];

/** Returns `submit(write)` and whether a write is under way. */
export function useSectionWrite(
  taskId: string,
  { form, done, onClose, codeFields }: { form: FormInstance; done: string; onClose: () => void; codeFields?: CodeFields },
) {
  const { message } = App.useApp();
  const write = useCooperationWrite(taskId);
  const handleError = useApiErrorHandler();
  const inFlight = useRef(false);
  const submit = (argument: WriteArgument) => {
    if (inFlight.current) return;
    inFlight.current = true;
    write.mutate(argument, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: () => {
        void message.success(done);
        onClose();
      },
      onError: (error) => {
        handleError(error, { form, codeFields });
        if (error instanceof ApiError && [403, 404, 409].includes(error.status) && !codeFields?.[error.code]) onClose();
      },
    });
  };
  return { submit, isPending: write.isPending };
}
