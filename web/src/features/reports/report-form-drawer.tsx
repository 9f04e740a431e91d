/**
 * 报送进展 / 更正: the report form in a drawer (full width on phones). A routine report takes under a minute and a
 * few taps: the draft carries the last report over (本期进展 as the text to edit, 下步计划, 存在问题, 需协调事项, 完成进度,
 * 节点, folded away under "沿用上期" so the phone shows only what usually changes), the 报送期次 is the reporting cycle
 * of today (or the one before, for a late report — one name per cycle, never a free "本月"), and 本期进展 offers last
 * time's 下步计划 (one tap copies it in). A correction shows the return reason on top and carries everything over. Evidence uploads as soon as it is picked, checked here first
 * (type, 20 MB) and by the server (its 413/415 messages are shown as they are). The submission carries an
 * Idempotency-Key that a retry of the same content reuses.
 */
import { InboxOutlined } from '@ant-design/icons';
import { attachmentLimits, type Attachment, type ProgressReport, type ReportDraft, type Task } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Collapse,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Skeleton,
  Slider,
  Typography,
  Upload,
  type FormInstance,
  type UploadFile,
  type UploadProps,
} from 'antd';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { errorText } from '../../app/api/errors';
import { formFieldErrors } from '../../app/api/form-errors';
import { createIdempotencyKeeper } from '../../app/api/idempotency';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import {
  acceptAttribute,
  correctionDraft,
  currentPeriod,
  draftToValues,
  fileRefusal,
  formFieldOfPath,
  previousPeriod,
  toSubmitBody,
  withPlanCopied,
  type FileRefusal,
  type PeriodParts,
  type ReportFormValues,
} from './report-form';
import { reportDraftQuery, uploadAttachment, useSubmitReport } from './reports.api';

/** What the drawer needs of the item. */
export type ReportTask = Pick<Task, 'id' | 'version' | 'serialNumber' | 'reportingFrequency'>;

const maxMiB = attachmentLimits.maxBytes / (1024 * 1024);

function periodText(parts: PeriodParts | null, t: TFunction): string | null {
  if (!parts) return null;
  switch (parts.frequency) {
    case 'weekly':
      return t('reports.periodFormats.weekly', { year: parts.year, week: parts.week });
    case 'half_monthly':
      return t('reports.periodFormats.half_monthly', { year: parts.year, month: parts.month, half: t(`reports.halves.${parts.half}`) });
    case 'monthly':
      return t('reports.periodFormats.monthly', { year: parts.year, month: parts.month });
    case 'quarterly':
      return t('reports.periodFormats.quarterly', { year: parts.year, quarter: parts.quarter });
  }
}

function refusalText(refusal: FileRefusal, fileName: string, t: TFunction): string {
  switch (refusal.kind) {
    case 'tooLarge':
      return t('reports.fileTooLarge', { fileName, maxMiB });
    case 'empty':
      return t('reports.fileEmpty', { fileName });
    case 'type':
      return t('reports.fileTypeRefused', {
        fileName,
        why: refusal.ext ? t('reports.fileExtensionRefused', { ext: refusal.ext }) : t('reports.fileNoExtension'),
      });
  }
}

/**
 * The 报送期次 a report may take for an item with a reporting cycle: this cycle, the one before (a late report), and a
 * correction's own; empty for 一次性 / 自定义 (any name).
 */
function periodChoices(frequency: string, draft: ReportDraft, t: TFunction): { value: string; label: string }[] {
  const current = currentPeriod(frequency);
  if (!current) return [];
  const now = periodText(current, t) ?? '';
  const before = periodText(previousPeriod(current), t) ?? '';
  const choices = [
    { value: now, label: now },
    { value: before, label: t('reports.periodPrevious', { label: before }) },
  ];
  if (draft.kind === 'correction' && draft.periodLabel && ![now, before].includes(draft.periodLabel)) {
    choices.push({ value: draft.periodLabel, label: draft.periodLabel });
  }
  return choices;
}

function ReportFields({
  form,
  draft,
  taskId,
  frequency,
}: {
  form: FormInstance<ReportFormValues>;
  draft: ReportDraft;
  taskId: string;
  frequency: string;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const optional = t('reports.optionalPlaceholder');

  const percentOrMilestone = {
    validator: (_: unknown, value: unknown) => {
      const milestone = form.getFieldValue('milestone') as string | undefined;
      return typeof value === 'number' || milestone?.trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('reports.percentOrMilestone')));
    },
  };

  const uploadsSettled = {
    validator: (_: unknown, files: UploadFile<Attachment>[] | undefined) => {
      if (files?.some((file) => file.status === 'uploading')) return Promise.reject(new Error(t('reports.uploadsPending')));
      if (files?.some((file) => file.status === 'error')) return Promise.reject(new Error(t('reports.uploadsFailed')));
      return Promise.resolve();
    },
  };

  const beforeUpload: UploadProps<Attachment>['beforeUpload'] = (file, batch) => {
    const refusal = fileRefusal(file);
    if (refusal) {
      void message.error(refusalText(refusal, file.name, t));
      return Upload.LIST_IGNORE;
    }
    const existing = (form.getFieldValue('attachments') as UploadFile<Attachment>[] | undefined)?.length ?? 0;
    if (existing + batch.indexOf(file) >= attachmentLimits.perReportMax) {
      if (batch.indexOf(file) === batch.length - 1 || existing >= attachmentLimits.perReportMax) {
        void message.error(t('reports.tooManyFiles', { max: attachmentLimits.perReportMax }));
      }
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps<Attachment>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const { promise, abort } = uploadAttachment(taskId, file as File, (percent) => onProgress?.({ percent }));
    promise.then(
      (stored) => onSuccess?.(stored),
      (error: unknown) => {
        if (error instanceof ApiError && error.message === 'aborted') return;
        const text = errorText(error, locale);
        void message.error(text);
        onError?.(new Error(text));
      },
    );
    return { abort };
  };

  const copyHint = () => {
    form.setFieldValue('done', withPlanCopied(form.getFieldValue('done') as string | undefined, draft.done, draft.doneHint ?? ''));
    void form.validateFields(['done']);
  };

  const periods = periodChoices(frequency, draft, t);
  const oneOfPeriods = {
    validator: (_: unknown, value: string | undefined) =>
      periods.length === 0 || !value?.trim() || periods.some((p) => p.value === value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('reports.periodOneOf', { labels: periods.map((p) => p.value).join(' / ') }))),
  };
  // A routine report folds what it carries over; a first report or a correction shows every field.
  const foldCarried = draft.kind === 'next';
  const carriedFields = (
    <>
      <Form.Item name="milestone" label={t('reports.milestone')}>
        <Input maxLength={500} placeholder={t('reports.milestonePlaceholder')} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('reports.nextSteps')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20_000} placeholder={t('reports.nextStepsPlaceholder')} />
      </Form.Item>
      <Form.Item name="problems" label={t('reports.problems')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={20_000} placeholder={optional} />
      </Form.Item>
      <Form.Item name="helpNeeded" label={t('reports.helpNeeded')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={20_000} placeholder={optional} />
      </Form.Item>
      <Form.Item
        name="attachments"
        label={t('reports.attachments')}
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile<Attachment>[] }) => event.fileList}
        rules={[uploadsSettled]}
      >
        <Upload.Dragger<Attachment> multiple accept={acceptAttribute} beforeUpload={beforeUpload} customRequest={customRequest}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('reports.upload')}</p>
          <p className="ant-upload-hint">{t('reports.uploadHint', { maxMiB, max: attachmentLimits.perReportMax })}</p>
        </Upload.Dragger>
      </Form.Item>
    </>
  );

  return (
    <>
      {draft.kind === 'correction' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.returnedTitle')}
          description={
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('reports.returnReason')}
              {t('tasks.labelSeparator')}
              {draft.returnReason ?? '—'}
            </span>
          }
        />
      )}
      {draft.kind === 'next' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('reports.carriedOver')}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="periodLabel"
        label={t('reports.periodLabel')}
        extra={
          draft.kind === 'next' && draft.previousPeriodLabel ? t('reports.previousPeriod', { label: draft.previousPeriodLabel }) : undefined
        }
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reports.periodLabel') }) }, oneOfPeriods]}
      >
        {periods.length > 0 ? (
          <AutoComplete options={periods} maxLength={100} placeholder={t('reports.periodPlaceholder')} />
        ) : (
          <Input maxLength={100} placeholder={t('reports.periodPlaceholder')} />
        )}
      </Form.Item>
      <Form.Item label={t('reports.percent')} required>
        <Flex gap={12} align="center">
          <Form.Item name="percent" noStyle dependencies={['milestone']} rules={[percentOrMilestone]}>
            <Slider min={0} max={100} style={{ flex: 1, minWidth: 0 }} tooltip={{ formatter: (value) => `${value ?? 0}%` }} />
          </Form.Item>
          <Form.Item name="percent" noStyle>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 96 }} aria-label={t('reports.percent')} />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item
        name="done"
        label={t('reports.done')}
        extra={
          draft.doneHint ? (
            <Flex vertical align="flex-start" gap={2}>
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('reports.doneHint', { text: draft.doneHint })}</span>
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={copyHint}>
                {t('reports.useHint')}
              </Button>
            </Flex>
          ) : undefined
        }
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reports.done') }) }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={20_000}
          placeholder={draft.doneHint ?? t('reports.donePlaceholder')}
        />
      </Form.Item>
      {foldCarried ? (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[{ key: 'carried', label: t('reports.carriedOverMore'), forceRender: true, children: carriedFields }]}
        />
      ) : (
        carriedFields
      )}
    </>
  );
}

/** The drawer; mount it per opening (a new opening is a new submission). `correcting` files a correction of it. */
export function ReportFormDrawer({
  task,
  correcting,
  onClose,
}: {
  task: ReportTask;
  correcting: ProgressReport | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const isNarrow = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ReportFormValues>();
  const [keeper] = useState(() => createIdempotencyKeeper());
  const inFlight = useRef(false);
  const submit = useSubmitReport(task.id);
  const handleError = useApiErrorHandler();
  const fetched = useQuery({ ...reportDraftQuery(task.id, task.version), enabled: correcting === null });
  const draft = correcting ? correctionDraft(correcting, true) : fetched.data;
  const isCorrection = draft?.kind === 'correction';

  const finish = (values: ReportFormValues) => {
    if (!draft || inFlight.current) return;
    inFlight.current = true;
    const body = toSubmitBody(values, draft);
    submit.mutate(
      { body, idempotencyKey: keeper.keyFor(body) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => {
          void message.success(t('reports.submitted'));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') keeper.reset();
          handleError(error);
          if (error instanceof ApiError && error.status === 409) {
            onClose();
            return;
          }
          // Field paths come from the server, so they are set through the untyped instance.
          const untypedForm: FormInstance = form;
          untypedForm.setFields(
            formFieldErrors(error, locale).map((field) => ({ ...field, name: [formFieldOfPath(field.name.join('.'))] })),
          );
        },
      },
    );
  };

  let body;
  if (draft) {
    body = (
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={draftToValues(draft, periodText(currentPeriod(task.reportingFrequency), t))}
        scrollToFirstError
      >
        <ReportFields form={form} draft={draft} taskId={task.id} frequency={task.reportingFrequency} />
      </Form>
    );
  } else if (fetched.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={errorText(fetched.error, locale)}
        action={<Button onClick={() => void fetched.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  }

  return (
    <Drawer
      open
      title={`${isCorrection ? t('reports.correctionTitle') : t('reports.formTitle')} · ${task.serialNumber}`}
      size={isNarrow ? '100%' : 640}
      mask={{ closable: false }}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submit.isPending} disabled={!draft || !draft.canSubmit} onClick={() => form.submit()}>
            {isCorrection ? t('reports.correctionTitle') : t('reports.submit')}
          </Button>
        </Flex>
      }
    >
      {draft && !draft.canSubmit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reports.notAllowedNow')} />}
      {body}
    </Drawer>
  );
}
