/**
 * i18next set-up. zh-CN is the default; a user's English choice is kept in localStorage so it survives reloads and
 * sign-outs on a shared office computer. Changing the language also switches dayjs and the `<html lang>`.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import type { AppLocale } from './types';
import { zhCN } from './zh-CN';

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
  const text = locale === 'en' ? en.app : zhCN.app;
  document.title = `${text.name} · ${text.fullName}`;
}

/** Initialises i18next once, synchronously (resources are bundled), before the first render. */
export function initI18n(): void {
  const locale = readStoredLocale();
  applySideEffects(locale);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}

/** Switches the UI language and remembers the choice. */
export function setAppLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or storage disabled: the switch still applies to this tab.
  }
  applySideEffects(locale);
  void i18next.changeLanguage(locale);
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
