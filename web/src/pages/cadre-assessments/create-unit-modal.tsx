// A new assessment unit for the year: its name and the cadre unit whose serving cadres take part.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { createUnit, listSources } from '../../api/cadre-assessments';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';

export function CreateUnitModal({ year, onClose }: { year: number; onClose: (id?: Id) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; cadreUnitId?: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const sources = useRequest((signal) => listSources(signal), []);

  const submit = async (v: { name: string; cadreUnitId?: number }) => {
    setBusy(true);
    setError(undefined);
    try {
      const u = await createUnit({ year, name: v.name.trim(), cadreUnitId: v.cadreUnitId });
      onClose(u.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${year} ${t('cadreAssessments.create.title')}`}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="cadreUnitId" label={t('cadreAssessments.create.source')} extra={t('cadreAssessments.create.sourceHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={sources.loading}
            options={(sources.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${t('cadreAssessments.create.cadres', { n: s.cadres })}）`,
            }))}
            onChange={(id?: number) => {
              const s = sources.data?.items.find((x) => x.id === id);
              if (s && !form.getFieldValue('name')) form.setFieldValue('name', s.name);
            }}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('cadreAssessments.create.name')}
          rules={[{ required: true, whitespace: true, message: t('cadreAssessments.create.nameRequired') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
