/**
 * The page frame every page renders into the shell: a heading row (back arrow, title, status tags, actions on the
 * right), an optional intro line, then the page. It replaces ProComponents' PageContainer, which pulled about
 * 60 kB gzip of ProComponents (and swr, tinycolor) into every landing page for these five props. The class names
 * are ProComponents' own, so the browser journeys and any user style that address the header keep working.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageContainerProps {
  title: ReactNode;
  /** Shows a back arrow before the title. */
  onBack?: () => void;
  /** Beside the title, e.g. the item's status tag. */
  tags?: ReactNode;
  /** Right of the title (wrapping below it on a phone), e.g. the page's main buttons. */
  extra?: ReactNode;
  /** Under the title, e.g. a one-line explanation of the page. */
  content?: ReactNode;
  children?: ReactNode;
}

/** A page's heading and body inside the signed-in frame. */
export function PageContainer({ title, onBack, tags, extra, content, children }: PageContainerProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div className="ant-pro-page-container" style={{ padding: `${token.padding}px ${token.paddingLG}px`, minWidth: 0 }}>
      <div className="ant-page-header" style={{ marginBottom: token.margin }}>
        <Flex justify="space-between" align="flex-start" gap={token.marginXS} wrap>
          <Flex align="center" gap={token.marginSM} wrap style={{ minWidth: 0, flex: '1 1 auto' }}>
            {onBack && <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('common.back')} />}
            <h1
              className="ant-page-header-heading-title"
              style={{
                margin: 0,
                fontSize: token.fontSizeHeading4,
                lineHeight: 1.4,
                fontWeight: 600,
                color: token.colorTextHeading,
                minWidth: 0,
              }}
            >
              {title}
            </h1>
            {tags && <span className="ant-page-header-heading-tags">{tags}</span>}
          </Flex>
          {extra && <div className="ant-page-header-heading-extra">{extra}</div>}
        </Flex>
        {content && (
          <div className="ant-page-header-content" style={{ marginTop: token.marginSM, color: token.colorTextSecondary }}>
            {content}
          </div>
        )}
      </div>
      {children}
    </div>
  );
}
