/** The 中文/English toggle, on the login page and in the shell header. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setAppLocale, useAppLocale } from './i18n/i18n';

/**
 * Switches between zh-CN and English; the visible label names the language you switch to and is also the
 * accessible name (WCAG 2.5.3), with 语言/Language as a tooltip.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('app.language')}
      onClick={() => void setAppLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
