/**
 * Turns a thrown value into the one message the user reads, in the UI language. Server errors carry both languages,
 * so no contract tables are needed here (this module is in the initial bundle).
 */
import i18next from 'i18next';
import type { AppLocale } from '../i18n/types';
import { ApiError } from './api-error';

/** The message to show for any thrown value: the server's own text in the current language when there is one. */
export function errorText(error: unknown, locale: AppLocale): string {
  if (error instanceof ApiError) {
    if (error.messages) {
      return error.messages[locale];
    }
    return error.code === 'NETWORK' ? i18next.t('common.networkError') : i18next.t('common.badResponse');
  }
  return error instanceof Error ? error.message : String(error);
}
