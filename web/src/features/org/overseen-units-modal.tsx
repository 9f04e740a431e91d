/** 设置分管单位: replaces the list of units a leader oversees (分管), chosen by name search. */
import type { Person } from '@luoshi/contracts';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useSetOverseenUnits } from './org.api';
import { UnitMultiPicker } from './unit-picker';

/** The modal for `person` (a leader); closed when `person` is null. */
export function OverseenUnitsModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitIds: string[] }>();
  const save = useSetOverseenUnits();
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open={person !== null}
      title={person ? t('org.overseenUnitsFor', { name: person.name }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {person && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ unitIds: person.overseenUnitIds }}
          onFinish={({ unitIds }) =>
            save.mutate(
              { personId: person.id, unitIds },
              {
                onSuccess: () => {
                  void message.success(t('common.saved'));
                  onClose();
                },
                onError: (error) => handleError(error, { form }),
              },
            )
          }
        >
          <Form.Item name="unitIds" label={t('org.person.overseenUnits')}>
            <UnitMultiPicker />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
