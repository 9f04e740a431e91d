/** Everything the whole SPA sits in: the query cache, antd's locale and theme, and antd's App context. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
// The ES-module builds of the locales: `antd/locale/*` re-exports CommonJS and drags in duplicate lib/ code.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useAppLocale } from './i18n/i18n';
import { queryClient } from './query-client';

/**
 * Text colours that reach WCAG AA (4.5:1) on white and on antd's light tints, checked by e2e/a11y.spec.ts (axe-core).
 * antd's defaults miss it: secondary text and descriptions are 45 % black (3.4:1), placeholders 25 % (1.9:1), links
 * and 处理中 tags take the seed blue #1677ff (4.1:1), success/warning/error text and tags the bright palette (2–3.5:1),
 * solid tags put white on it, and an empty table's text is 25 % black. Only text and tags change: the lights' dots,
 * icons and borders keep their colours.
 */
const darkerTagText = {
  // Status tags (已逾期, 处理中 …): text on the light tint, and the tint of a solid tag under white text.
  colorSuccess: '#237804',
  colorWarning: '#874d00',
  colorError: '#cf1322',
  // Preset colours: text of a filled tag (…7) and background of a solid one (…6).
  green7: '#237804',
  gold7: '#874d00',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  yellow7: '#614700',
  lime7: '#3f6600',
  cyan7: '#006d75',
  magenta7: '#9e1068',
  green6: '#237804',
  gold6: '#874d00',
  orange6: '#ad4e00',
  volcano6: '#ad2102',
  yellow6: '#614700',
  lime6: '#3f6600',
  cyan6: '#006d75',
  red6: '#cf1322',
  blue6: '#0958d9',
  magenta6: '#c41d7f',
};
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fb4',
    colorInfo: '#1a5fb4',
    colorLink: '#1a5fb4',
    borderRadius: 4,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    colorErrorText: '#cf1322',
  },
  // A table's 暂无数据 is text to read, not a disabled control (25 % black by default).
  components: { Tag: darkerTagText, Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' } },
};

/** Wraps the app; antd's locale follows the i18next language so dates, pagers and empty states match the text. */
export function AppProviders({ children }: { children: ReactNode }) {
  const locale = useAppLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
