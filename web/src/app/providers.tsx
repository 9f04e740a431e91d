/** Everything the whole SPA sits in: the query cache, antd's locale and theme, and antd's App context. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
// The ES-module builds of the locales: `antd/locale/*` re-exports CommonJS and drags in duplicate lib/ code.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useAppLocale } from './i18n/i18n';
import { queryClient } from './query-client';

const theme: ThemeConfig = {
  token: { colorPrimary: '#1a5fb4', borderRadius: 4 },
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
