/** One consistent reaction to failed API calls across all pages. */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../i18n/i18n';
import { ApiError } from './api-error';
import { errorText } from './errors';
import type { CodeFields } from './form-errors';

/** What the caller can add to the default reaction. */
export type ApiErrorOptions = {
  /** Form whose fields receive the server's field errors. */
  form?: FormInstance;
  /** Field that PASSWORD_* errors belong to. */
  passwordField?: string;
  /** Fields that top-level error codes (without `fields`) belong to. */
  codeFields?: CodeFields;
  /** Reload the record after a 412 VERSION_CONFLICT. */
  onConflict?: () => void;
};

/**
 * Returns a handler that shows the server's message in the UI language, marks form fields, and on a version
 * conflict tells the user the record changed and reloads it (the user then re-applies the edit knowingly).
 */
export function useApiErrorHandler(): (error: unknown, options?: ApiErrorOptions) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const locale = useAppLocale();
  return useCallback(
    (error: unknown, options?: ApiErrorOptions) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        options?.onConflict?.();
        return;
      }
      if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
        return; // the session was dropped; the guard is already on its way to /login
      }
      const form = options?.form;
      if (form && error instanceof ApiError) {
        // The field mapping carries the whole error catalogue; it loads with the first failed form, not the page.
        void import('./form-errors').then(({ formFieldErrors }) => {
          const fields = formFieldErrors(error, locale, options.passwordField, options.codeFields);
          if (fields.length > 0) form.setFields(fields);
        });
      }
      void message.error(errorText(error, locale));
    },
    [locale, message, t],
  );
}
