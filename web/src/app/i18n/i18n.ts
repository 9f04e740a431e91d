/**
 * i18next set-up. zh-CN is the default; a user's English choice is kept in localStorage so it survives reloads and
 * sign-outs on a shared office computer. Changing the language also switches dayjs and the `<html lang>`.
 * Each language's texts are their own chunk and only the active one is downloaded (each weighs about 15 kB gzip on
 * every first view); the other arrives when the user switches.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { AppLocale } from './types';
import type { zhCN } from './zh-CN';

const resources: Record<AppLocale, () => Promise<typeof zhCN>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en as typeof zhCN),
};

/** Loads a language's texts into i18next unless they are there already. */
async function ensureResources(locale: AppLocale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  i18next.addResourceBundle(locale, 'translation', await resources[locale]());
}

const storageKey = 'luoshi.locale';

/** Narrows any language tag to a supported UI locale; anything not English falls back to zh-CN. */
export function toAppLocale(language: string | null | undefined): AppLocale {
  return language === 'en' || language?.startsWith('en-') ? 'en' : 'zh-CN';
}

function readStoredLocale(): AppLocale {
  try {
    return toAppLocale(window.localStorage.getItem(storageKey));
  } catch {
    return 'zh-CN';
  }
}

function applySideEffects(locale: AppLocale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = `${i18next.t('app.name', { lng: locale })} · ${i18next.t('app.fullName', { lng: locale })}`;
}

/**
 * Initialises i18next once with the stored language's texts; the app renders when it resolves, so the first paint
 * is already in that language.
 */
export async function initI18n(): Promise<void> {
  const locale = readStoredLocale();
  // Both languages are complete (the English resource is type-checked against zh-CN), so no fallback is loaded.
  await i18next.use(initReactI18next).init({
    resources: { [locale]: { translation: await resources[locale]() } },
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applySideEffects(locale);
}

/** Switches the UI language (loading its texts first) and remembers the choice. */
export async function setAppLocale(locale: AppLocale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or storage disabled: the switch still applies to this tab.
  }
  await ensureResources(locale);
  await i18next.changeLanguage(locale);
  applySideEffects(locale);
}

/** The current UI locale, re-rendering the caller when it changes. */
export function useAppLocale(): AppLocale {
  const { i18n } = useTranslation();
  return toAppLocale(i18n.language);
}

/** The current UI locale outside React (API client headers, error messages). */
export function currentLocale(): AppLocale {
  return toAppLocale(i18next.language);
}
