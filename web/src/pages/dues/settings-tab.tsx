// Dues settings (RULES.md §2): rounding, the farmer amount set by the province, arrears thresholds.
import { useEffect } from 'react';
import { Alert, App, Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUES_ROUNDINGS } from '../../../../domain/rules/dues';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getDuesSettings, putDuesSettings, type TDuesSettings } from '../../api/dues';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';

type Values = Omit<TDuesSettings, 'farmerFen'> & { farmerYuan: number };

export function SettingsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const s = useRequest(() => getDuesSettings(), []);
  useEffect(() => {
    if (s.data) form.setFieldsValue({ ...s.data, farmerYuan: s.data.farmerFen / 100 });
  }, [s.data, form]);
  const editable = can(me.roles, 'dues.approve');

  const save = async ({ farmerYuan, ...v }: Values) => {
    try {
      s.setData(await putDuesSettings({ ...v, farmerFen: Math.round(farmerYuan * 100) }));
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={save} disabled={!editable}>
      <Alert type="info" showIcon title={t('dues.settings.onlyCity')} style={{ marginBottom: 12 }} />
      {s.error !== undefined && <Alert type="error" showIcon title={errorText(s.error)} />}
      <Form.Item name="rounding" label={t('dues.settings.rounding')}>
        <Select options={DUES_ROUNDINGS.map((r) => ({ value: r, label: t(`dues.settings.roundingOpts.${r}`) }))} />
      </Form.Item>
      <Form.Item name="farmerYuan" label={t('dues.settings.farmer')}>
        <InputNumber min={0.2} max={1} step={0.1} precision={2} />
      </Form.Item>
      <Form.Item name="warnMonths" label={t('dues.settings.warn')}>
        <InputNumber min={1} max={12} />
      </Form.Item>
      <Form.Item name="urgentMonths" label={t('dues.settings.urgent')}>
        <InputNumber min={1} max={12} />
      </Form.Item>
      <Form.Item name="lapseMonths" label={t('dues.settings.lapse')}>
        <InputNumber min={1} max={12} />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
