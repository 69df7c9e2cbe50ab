// 干部监督: the young-cadre pool (those in it, or also those who left) and a cadre's records of 能上能下,
// the pool, 个人有关事项报告, 因私出国（境） passports and 兼职 (read here; recorded through the API).
import { Alert, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { getSupervisionRecords, listPool, type TPoolEntry, type TSupervisionRecords } from '../../api/cadre-supervision';
import { useRequest } from '../../lib/use-request';

function PoolPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const req = useRequest((signal) => listPool(all, signal), [all]);
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('cadreSupervision.pool.title')}</Typography.Title>
      <div className="filter-bar">
        <Space>
          <Switch checked={all} onChange={setAll} data-testid="pool-all" />
          <span>{t('cadreSupervision.pool.showLeft')}</span>
        </Space>
      </div>
      {req.error ? <Alert type="error" message={errorText(req.error)} /> : null}
      <Table<TPoolEntry>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        columns={[
          {
            title: t('cadreSupervision.col.name'),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`cadres/${r.cadreId}`}>{n}</Link>,
          },
          { title: t('cadreSupervision.col.title'), dataIndex: 'title' },
          { title: t('cadreSupervision.col.level'), dataIndex: 'level', width: 90 },
          { title: t('cadreSupervision.col.birth'), dataIndex: 'birth', width: 110 },
          { title: t('cadreSupervision.col.source'), dataIndex: 'source', width: 120 },
          { title: t('cadreSupervision.col.enteredOn'), dataIndex: 'enteredOn', width: 110 },
          {
            title: t('cadreSupervision.col.findings'),
            dataIndex: 'findings',
            render: (f: string[], r) =>
              r.eligible ? <Tag color="green">{t('cadreSupervision.pool.eligible')}</Tag> : f.map((x) => <div key={x}>{x}</div>),
          },
          { title: t('cadreSupervision.col.leftOn'), dataIndex: 'leftOn', width: 110 },
        ]}
      />
    </div>
  );
}

function RecordsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getSupervisionRecords(id, signal), [id]);
  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  const d = req.data;
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('cadreSupervision.records.title', { name: d?.name ?? '' })}</Typography.Title>
      {d?.retirement && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('cadreSupervision.records.retirement', { month: d.retirement.yearMonth, base: d.retirement.base })}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={t('cadreSupervision.records.adjustments')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={req.loading}
            dataSource={d?.adjustments ?? []}
            columns={[
              { title: t('cadreSupervision.col.decidedOn'), dataIndex: 'decidedOn', width: 110 },
              { title: t('cadreSupervision.col.kind'), dataIndex: 'kind', width: 100 },
              { title: t('cadreSupervision.col.situation'), dataIndex: 'situationText' },
              { title: t('cadreSupervision.col.post'), dataIndex: 'appointmentTitle', width: 180 },
              { title: t('cadreSupervision.col.docNo'), dataIndex: 'docNo', width: 160 },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.reports')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.reports ?? []}
            columns={[
              { title: t('cadreSupervision.col.year'), dataIndex: 'year', width: 90 },
              { title: t('cadreSupervision.col.filedOn'), dataIndex: 'filedOn', width: 110 },
              {
                title: t('cadreSupervision.col.check'),
                dataIndex: 'checkKind',
                width: 120,
                render: (k: TSupervisionRecords['reports'][number]['checkKind']) => t(`cadreSupervision.check.${k}`),
              },
              { title: t('cadreSupervision.col.finding'), dataIndex: 'finding' },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.passports')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.passports ?? []}
            columns={[
              { title: t('cadreSupervision.col.passport'), dataIndex: 'kind', width: 120 },
              { title: t('cadreSupervision.col.handedInOn'), dataIndex: 'handedInOn', width: 110 },
              { title: t('cadreSupervision.col.takenOutOn'), dataIndex: 'takenOutOn', width: 110 },
              { title: t('cadreSupervision.col.trip'), dataIndex: 'trip' },
              {
                title: t('cadreSupervision.col.dueOn'),
                dataIndex: 'dueOn',
                width: 150,
                render: (v: string | null, r) => (
                  <>
                    {v} {r.overdue && <Tag color="red">{t('cadreSupervision.overdue')}</Tag>}
                  </>
                ),
              },
              { title: t('cadreSupervision.col.returnedOn'), dataIndex: 'returnedOn', width: 110 },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.trips')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.trips ?? []}
            columns={[
              { title: t('cadreSupervision.col.destinations'), dataIndex: 'destinations' },
              { title: t('cadreSupervision.col.purpose'), dataIndex: 'purpose', width: 140 },
              {
                title: t('cadreSupervision.col.tripDates'),
                key: 'dates',
                width: 200,
                render: (_: unknown, r: TSupervisionRecords['trips'][number]) => `${r.departOn} – ${r.returnOn}`,
              },
              {
                title: t('cadreSupervision.col.tripStatus'),
                dataIndex: 'status',
                width: 160,
                render: (v: string, r: TSupervisionRecords['trips'][number]) => (r.refusalReason ? `${v} (${r.refusalReason})` : v),
              },
              { title: t('cadreSupervision.col.cameBackOn'), dataIndex: 'cameBackOn', width: 110 },
              {
                title: t('cadreSupervision.col.dueOn'),
                key: 'due',
                width: 150,
                render: (_: unknown, r: TSupervisionRecords['trips'][number]) => (
                  <>
                    {r.passport?.dueOn} {r.overdue && <Tag color="red">{t('cadreSupervision.overdue')}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.partTime')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.partTime ?? []}
            columns={[
              { title: t('cadreSupervision.col.organization'), dataIndex: 'organization' },
              { title: t('cadreSupervision.col.partTimePost'), dataIndex: 'post', width: 140 },
              { title: t('cadreSupervision.col.approvedOn'), dataIndex: 'approvedOn', width: 110 },
              { title: t('cadreSupervision.col.approvedBy'), dataIndex: 'approvedBy', width: 140 },
              {
                title: t('cadreSupervision.col.paid'),
                dataIndex: 'paid',
                width: 80,
                render: (p: boolean) => (p ? t('cadreSupervision.yes') : t('cadreSupervision.no')),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}

export default function CadreSupervisionPage() {
  return (
    <Routes>
      <Route path="cadres/:id" element={<RecordsPage />} />
      <Route path="*" element={<PoolPage />} />
    </Routes>
  );
}
