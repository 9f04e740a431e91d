/**
 * 申请办结's evidence and checklist (what the 督查室 reviews against). The files already sent with the item's
 * progress reports are offered ticked, so a unit that reported with evidence adds nothing; a new file (the 办结报告)
 * uploads as soon as it is picked and joins them. The checklist shows only the points that apply to the item.
 */
import { UploadOutlined } from '@ant-design/icons';
import { completionCheckLabels, completionCheckValues, type Attachment, type CompletionCheck } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Upload, type UploadProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { acceptAttribute, fileRefusal } from '../reports/report-form';
import { reportsQuery, uploadAttachment } from '../reports/reports.api';
import type { TaskDetail } from './tasks.api';

/** The checklist points that apply: 配合单位 are consulted only where the item has some (as the server decides). */
export function applicableChecks(cooperatingUnitCount: number): CompletionCheck[] {
  return completionCheckValues.filter((check) => check !== 'cooperating_consulted' || cooperatingUnitCount > 0);
}

/** The evidence picker: a controlled list of attachment ids for `Form.Item name="evidenceIds"`. */
function EvidencePicker({ item, value, onChange }: { item: TaskDetail; value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const reports = useQuery(reportsQuery(item.id, item.version));
  const [uploaded, setUploaded] = useState<Attachment[]>([]);
  const files = useMemo(() => {
    const seen = new Map<string, Attachment>();
    for (const report of reports.data?.items ?? []) for (const file of report.attachments) seen.set(file.id, file);
    for (const file of uploaded) seen.set(file.id, file);
    return [...seen.values()];
  }, [reports.data, uploaded]);
  // The files already sent count as evidence unless the unit unticks them: nothing is picked twice.
  useEffect(() => {
    if (value === undefined && reports.data) onChange?.(files.map((file) => file.id));
  }, [files, onChange, reports.data, value]);

  const customRequest: UploadProps<Attachment>['customRequest'] = ({ file, onSuccess, onError }) => {
    const picked = file as File;
    const refusal = fileRefusal(picked);
    if (refusal) {
      void message.error(t('tasks.evidenceRefused', { name: picked.name }));
      onError?.(new Error(picked.name));
      return;
    }
    const { promise } = uploadAttachment(item.id, picked, () => undefined);
    promise.then(
      (stored) => {
        setUploaded((before) => [...before, stored]);
        onChange?.([...(value ?? []), stored.id]);
        onSuccess?.(stored);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.message === 'aborted') return;
        const text = errorText(error, locale);
        void message.error(text);
        onError?.(new Error(text));
      },
    );
  };

  return (
    <Flex vertical gap={8}>
      {files.length > 0 && (
        <Checkbox.Group
          value={value ?? []}
          onChange={(ids) => onChange?.(ids)}
          options={files.map((file) => ({ value: file.id, label: file.fileName }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      )}
      <Upload<Attachment> accept={acceptAttribute} customRequest={customRequest} showUploadList={false} multiple>
        <Button icon={<UploadOutlined />}>{t('tasks.evidenceUpload')}</Button>
      </Upload>
    </Flex>
  );
}

/** The two form items 申请办结 adds: evidence and the completion checklist. */
export function CompletionProofFields({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const checks = applicableChecks(item.cooperatingUnits.length);
  return (
    <>
      <Form.Item
        name="evidenceIds"
        label={t('tasks.evidence')}
        extra={t('tasks.evidenceHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('tasks.evidenceRequired') }]}
      >
        <EvidencePicker item={item} />
      </Form.Item>
      <Form.Item
        name="checklist"
        label={t('tasks.checklist')}
        rules={[
          {
            validator: (_, picked: CompletionCheck[] | undefined) =>
              checks.every((check) => picked?.includes(check))
                ? Promise.resolve()
                : Promise.reject(new Error(t('tasks.checklistRequired'))),
          },
        ]}
      >
        <Checkbox.Group
          options={checks.map((check) => ({ value: check, label: completionCheckLabels[check][locale] }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      </Form.Item>
    </>
  );
}
