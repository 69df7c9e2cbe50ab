// A new tier set (talent.config; POST /api/talent/tier-sets): code, name, effective date, source and 公示 days,
// its tiers (card years, expert review) and the criteria experts score against. The server checks the rest.
import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { createTierSet, type TTierSet, type TTierSetCreate } from '../../api/talent';

type Values = Omit<TTierSetCreate, 'effectiveOn'> & { effectiveOn: dayjs.Dayjs };

export function TierSetForm({ onClose, onCreated }: { onClose: () => void; onCreated: (items: { items: TTierSet[] }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(
        await createTierSet({
          ...v,
          effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
          tiers: v.tiers.map((x) => ({ ...x, expertReview: !!x.expertReview, description: x.description ?? '' })),
          criteria: v.criteria ?? [],
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const req = [{ required: true }];
  return (
    <Modal open width={760} title={t('talent.tierSets.create')} onOk={save} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="tier-set-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: dayjs(), publicityDays: 5, tiers: [{ cardYears: 3 }], criteria: [] }}
        data-testid="tier-set-form"
      >
        <Space wrap>
          <Form.Item name="code" label={t('talent.tierSets.code')} rules={[...req, { pattern: /^[A-Za-z0-9_-]{1,30}$/ }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="name" label={t('talent.tierSets.name')} rules={[...req, { max: 60 }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="effectiveOn" label={t('talent.tierSets.effectiveOn')} rules={req}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="publicityDays" label={t('talent.tierSets.publicityDays')} rules={req}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
        <Form.Item name="source" label={t('talent.tierSets.source')} rules={[...req, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[...req, { pattern: /^[A-Za-z0-9_-]{1,10}$/ }]}>
                    <Input placeholder={t('talent.tierSets.code')} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[...req, { max: 30 }]}>
                    <Input placeholder={t('talent.tierSets.name')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'cardYears']} rules={req}>
                    <InputNumber min={1} max={20} placeholder={t('talent.tierSets.cardYears')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'expertReview']} valuePropName="checked">
                    <Checkbox>{t('talent.tierSets.expertReview')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[{ max: 300 }]}>
                    <Input placeholder={t('talent.tierSets.description')} style={{ width: 180 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ cardYears: 3 })} style={{ marginBottom: 12 }}>
                {t('talent.tierSets.addTier')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[...req, { pattern: /^[a-z0-9_]{1,20}$/ }]}>
                    <Input placeholder={t('talent.tierSets.code')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[...req, { max: 40 }]}>
                    <Input placeholder={t('talent.tierSets.criteria')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={req}>
                    <InputNumber min={1} max={100} placeholder={t('talent.tierSets.weight')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('talent.tierSets.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
