// The learner's hours (issue 14 point 7): this year's total against the requirement, by source, every
// record (late and duplicate ones marked), and self-reported training with its evidence. Phone first.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMyHours, submitSelfReport } from '../../api/learning-hours';
import { PageSpin } from '../../components/route-guards';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { Basis, BySource, CreditList, HoursSummary } from './hours-parts';

interface FormV {
  title: string;
  organizer?: string;
  startedOn: Dayjs;
  endedOn: Dayjs;
  hours: number;
}

export default function MyHoursPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const req = useRequest((signal) => getMyHours(year, signal), [year]);
  const [form] = Form.useForm<FormV>();
  const [file, setFile] = useState<File | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (!file) return void message.error(t('learningHours.report.needFile'));
    setBusy(true);
    try {
      await submitSelfReport(
        {
          title: v.title,
          organizer: v.organizer ?? '',
          startedOn: v.startedOn.format('YYYY-MM-DD'),
          endedOn: v.endedOn.format('YYYY-MM-DD'),
          hours: v.hours,
        },
        file,
      );
      void message.success(t('learningHours.report.submitted'));
      form.resetFields();
      setFile(null);
      setOpen(false);
      req.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (req.error !== undefined) return <Alert type="warning" showIcon title={errorText(req.error)} />;
  const d = req.data;
  if (!d) return <PageSpin />;
  const a = d.archive;
  return (
    <div className="page-card my-hours" data-testid="my-hours">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('learningHours.me.title')}
        </Typography.Title>
        <Select
          aria-label={t('learningHours.me.year')}
          value={year}
          onChange={setYear}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          style={{ width: 96 }}
        />
      </Space>
      <Card size="small" style={{ marginTop: 12 }}>
        <HoursSummary a={a} />
        <BySource a={a} />
        <Basis a={a} />
      </Card>

      <Card size="small" style={{ marginTop: 12 }} title={t('learningHours.report.title')}>
        {!open ? (
          <Button type="primary" block onClick={() => setOpen(true)} data-testid="open-self-report">
            {t('learningHours.report.open')}
          </Button>
        ) : (
          <Form form={form} layout="vertical" data-testid="self-report-form">
            <Form.Item name="title" label={t('learningHours.report.name')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="organizer" label={t('learningHours.report.organizer')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="startedOn" label={t('learningHours.report.startedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="endedOn" label={t('learningHours.report.endedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="hours" label={t('learningHours.report.hours')} rules={[{ required: true }]}>
              <InputNumber min={0.1} max={500} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('learningHours.report.evidence')} required>
              <Upload
                accept=".pdf,.jpg,.jpeg,.png"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />}>{t('learningHours.report.pick')}</Button>
              </Upload>
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('learningHours.report.lateNote')}</Typography.Paragraph>
            <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="submit-self-report">
              {t('learningHours.report.submit')}
            </Button>
          </Form>
        )}
      </Card>

      <Card size="small" style={{ marginTop: 12 }} title={t('learningHours.me.records')}>
        <CreditList a={a} />
      </Card>

      <Card size="small" style={{ marginTop: 12 }} title={t('learningHours.me.reports')}>
        <List
          size="small"
          locale={{ emptyText: t('learningHours.me.noReports') }}
          dataSource={d.reports}
          renderItem={(r) => (
            <List.Item data-testid="my-self-report">
              <div style={{ minWidth: 0, width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{r.title}</Typography.Text>
                  <Typography.Text strong>{r.hours}</Typography.Text>
                </div>
                <Space size={4} wrap>
                  <Typography.Text type="secondary">
                    {r.startedOn} ~ {r.endedOn}
                  </Typography.Text>
                  <Tag color={r.status === 'approved' ? 'green' : r.status === 'pending' ? 'blue' : 'red'}>
                    {t(`learningHours.status.${r.status}`)}
                  </Tag>
                  {r.late && <Tag color="orange">{t('learningHours.staff.late')}</Tag>}
                </Space>
                {r.reason && <div>{t('learningHours.me.reason', { reason: r.reason })}</div>}
              </div>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
