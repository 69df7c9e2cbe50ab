// 人才分类认定 (issue 15 point 2): the office's list, filtered by step (status) and by the tier claimed, both
// kept in the address; each row opens the application.
import { useMemo } from 'react';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { RECOGNITION_STATUSES, listRecognitions, listTierSets, type TRecognitionRow } from '../../api/talent';
import { formatTime } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { STATUS_COLOR } from './recognition-status';

type Status = TRecognitionRow['status'];

export default function RecognitionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (RECOGNITION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  const tierId = Number(params.get('tierId')) || undefined;
  const req = useRequest((s) => listRecognitions(status ? { status } : {}, s), [status]);
  const sets = useRequest((s) => listTierSets(s), []);
  const rows = useMemo(() => (req.data?.items ?? []).filter((r) => !tierId || r.tierId === tierId), [req.data, tierId]);
  const set = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
  };

  return (
    <div className="page-card" data-testid="talent-recognitions">
      <Typography.Title level={4}>{t('talent.recognition.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={status}
          onChange={(v?: Status) => set('status', v)}
          placeholder={t('talent.recognition.col.status')}
          style={{ width: 150 }}
          options={RECOGNITION_STATUSES.map((s) => ({ value: s, label: t(`talent.recognition.status.${s}`) }))}
          data-testid="recognition-status"
        />
        <Select
          allowClear
          value={tierId}
          onChange={(v?: number) => set('tierId', v)}
          placeholder={t('talent.recognition.col.tier')}
          style={{ width: 200 }}
          options={(sets.data?.items ?? []).map((s) => ({
            label: s.name,
            options: s.tiers.map((x) => ({ value: x.id, label: x.name })),
          }))}
        />
        <span className="muted">{t('talent.total', { n: rows.length })}</span>
      </Space>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} style={{ marginBottom: 8 }} />}
      <Table<TRecognitionRow>
        size="small"
        rowKey="id"
        data-testid="recognition-table"
        loading={req.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('talent.recognition.col.person'),
            dataIndex: 'personName',
            width: 120,
            fixed: 'left',
            render: (v: string, r) => <Link to={`/talent/recognitions/${r.id}`}>{v}</Link>,
          },
          {
            title: t('talent.recognition.col.employer'),
            dataIndex: 'employerName',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('talent.recognition.col.tier'), dataIndex: 'tierName', width: 130 },
          {
            title: t('talent.recognition.col.channel'),
            dataIndex: 'channel',
            width: 110,
            render: (v: TRecognitionRow['channel']) => t(`talent.recognition.channel.${v}`),
          },
          {
            title: t('talent.recognition.col.status'),
            dataIndex: 'status',
            width: 100,
            render: (v: Status) => <Tag color={STATUS_COLOR[v]}>{t(`talent.recognition.status.${v}`)}</Tag>,
          },
          { title: t('talent.recognition.col.submittedAt'), dataIndex: 'submittedAt', width: 160, render: (v: string) => formatTime(v) },
          {
            title: t('talent.recognition.col.publicity'),
            key: 'publicity',
            width: 190,
            render: (_v, r) => (r.publicityFrom ? `${r.publicityFrom.slice(0, 10)} ~ ${(r.publicityUntil ?? '').slice(0, 10)}` : '—'),
          },
        ]}
      />
    </div>
  );
}
