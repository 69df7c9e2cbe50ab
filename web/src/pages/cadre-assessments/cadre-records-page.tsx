// A cadre's assessment records: the annual results on the file and what they bring, 平时考核 by quarter
// and 专项考核, the last two recorded here by the cadre officer.
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ONGOING_GRADES } from '../../../../domain/rules/assessment';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getCadreRecords, recordOngoing, recordSpecial, type TCadreRecords } from '../../api/cadre-assessments';
import { toDateString } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';

type Ongoing = { year: number; quarter: number; grade: (typeof ONGOING_GRADES)[number]; note?: string };
type Special = { onDate: Dayjs; subject: string; result: string; note?: string };

export function CadreRecordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getCadreRecords(id, signal), [id]);
  const [error, setError] = useState<string>();
  const [ongoingForm] = Form.useForm<Ongoing>();
  const [specialForm] = Form.useForm<Special>();
  const writes = can(me.roles, 'cadre.assess');
  const run = async (work: () => Promise<TCadreRecords>, reset: () => void) => {
    setError(undefined);
    try {
      req.setData(await work());
      reset();
      void message.success(t('common.saved'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  const d = req.data;
  const required = [{ required: true, message: t('cadreAssessments.records.required') }];

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('cadreAssessments.records.title', { name: d?.name ?? '' })}</Typography.Title>
      {error && <Alert type="error" message={error} closable style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={t('cadreAssessments.records.annual')}>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            loading={req.loading}
            dataSource={d?.annual ?? []}
            columns={[
              { title: t('cadreAssessments.col.year'), dataIndex: 'year', width: 90 },
              { title: t('cadreAssessments.col.grade'), dataIndex: 'grade', width: 120 },
              { title: t('cadreAssessments.col.comment'), dataIndex: 'note' },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreAssessments.records.consequences')}>
          <Table
            size="small"
            rowKey={(r) => `${r.year}:${r.kind}`}
            pagination={false}
            dataSource={d?.consequences ?? []}
            columns={[
              { title: t('cadreAssessments.col.year'), dataIndex: 'year', width: 90 },
              {
                title: t('cadreAssessments.col.kind'),
                dataIndex: 'kind',
                width: 150,
                render: (k: TCadreRecords['consequences'][number]['kind']) => t(`cadreAssessments.consequences.kind.${k}`),
              },
              { title: t('cadreAssessments.col.text'), dataIndex: 'text' },
              { title: t('cadreAssessments.col.article'), dataIndex: 'article', width: 260 },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreAssessments.records.ongoing')}>
          {writes && (
            <Form
              form={ongoingForm}
              layout="inline"
              style={{ marginBottom: 8 }}
              initialValues={{ year: new Date().getFullYear() }}
              onFinish={(v) =>
                run(
                  () => recordOngoing(id, { ...v, note: v.note?.trim() ?? '' }),
                  () => ongoingForm.resetFields(['note']),
                )
              }
            >
              <Form.Item name="year" rules={required}>
                <InputNumber min={1990} max={2200} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name="quarter" rules={required}>
                <Select
                  style={{ width: 90 }}
                  placeholder={t('cadreAssessments.col.quarter')}
                  options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
                />
              </Form.Item>
              <Form.Item name="grade" rules={required}>
                <Select
                  style={{ width: 100 }}
                  placeholder={t('cadreAssessments.col.grade')}
                  options={ONGOING_GRADES.map((g) => ({ value: g, label: g }))}
                />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder={t('cadreAssessments.col.comment')} style={{ width: 260 }} />
              </Form.Item>
              <Button htmlType="submit" type="primary">
                {t('cadreAssessments.records.addOngoing')}
              </Button>
            </Form>
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.ongoing ?? []}
            columns={[
              {
                title: t('cadreAssessments.col.quarter'),
                width: 160,
                render: (_, r) => t('cadreAssessments.records.quarterLabel', { year: r.year, quarter: r.quarter }),
              },
              { title: t('cadreAssessments.col.grade'), dataIndex: 'grade', width: 100 },
              { title: t('cadreAssessments.col.comment'), dataIndex: 'note' },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreAssessments.records.special')}>
          {writes && (
            <Form
              form={specialForm}
              layout="inline"
              style={{ marginBottom: 8 }}
              onFinish={(v) =>
                run(
                  () =>
                    recordSpecial(id, {
                      onDate: toDateString(v.onDate)!,
                      subject: v.subject.trim(),
                      result: v.result.trim(),
                      note: v.note?.trim() ?? '',
                    }),
                  () => specialForm.resetFields(),
                )
              }
            >
              <Form.Item name="onDate" rules={required}>
                <DatePicker placeholder={t('cadreAssessments.col.date')} />
              </Form.Item>
              <Form.Item name="subject" rules={required}>
                <Input placeholder={t('cadreAssessments.col.subject')} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="result" rules={required}>
                <Input placeholder={t('cadreAssessments.col.result')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder={t('cadreAssessments.col.comment')} style={{ width: 200 }} />
              </Form.Item>
              <Button htmlType="submit" type="primary">
                {t('cadreAssessments.records.addSpecial')}
              </Button>
            </Form>
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.special ?? []}
            columns={[
              { title: t('cadreAssessments.col.date'), dataIndex: 'onDate', width: 120 },
              { title: t('cadreAssessments.col.subject'), dataIndex: 'subject' },
              { title: t('cadreAssessments.col.result'), dataIndex: 'result', width: 120 },
              { title: t('cadreAssessments.col.comment'), dataIndex: 'note' },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
