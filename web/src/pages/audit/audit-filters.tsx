// Filters of the audit log: time range, actor, action, result, object type.
import { Button, DatePicker, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TAuditFilter, TAuditResult } from '../../api/audit';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  result?: TAuditResult;
  objectType?: string;
}

export const AUDIT_RESULTS: TAuditResult[] = ['success', 'failure', 'denied'];

function toFilter(v: Values): TAuditFilter {
  const text = (s?: string) => s?.trim() || undefined;
  return {
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
    actor: text(v.actor),
    action: text(v.action),
    result: v.result,
    objectType: text(v.objectType),
  };
}

export function AuditFilters({ onSearch }: { onSearch: (filter: TAuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form form={form} layout="inline" className="filter-bar" onFinish={(v) => onSearch(toFilter(v))}>
      <Form.Item name="range" label={t('audit.fields.at')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.fields.actor')}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.fields.action')}>
        <Input allowClear style={{ width: 140 }} placeholder="auth.login" />
      </Form.Item>
      <Form.Item name="result" label={t('audit.fields.result')}>
        <Select allowClear style={{ width: 100 }} options={AUDIT_RESULTS.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))} />
      </Form.Item>
      <Form.Item name="objectType" label={t('audit.fields.objectType')}>
        <Input allowClear style={{ width: 110 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
