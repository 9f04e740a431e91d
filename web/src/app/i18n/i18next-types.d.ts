/** Lets `t('org.unit.name')` be checked against the zh-CN resource at compile time. */
import 'i18next';
import type { zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
