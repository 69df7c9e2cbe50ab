// A cadre's supervision records: 能上能下 adjustments, the pool, 个人有关事项报告, passports in custody, 因私出国（境）
// trips and part-time posts, each card with its writes (cadre.supervise) and its Excel export (cadre.export).
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { TRIP_DECISIONS } from '../../../../domain/schemas/cadre-supervision';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getSupervisionRecords, type TSupervisionList, type TSupervisionRecords } from '../../api/cadre-supervision';
import { useRequest } from '../../lib/use-request';
import { valueLabel } from './form-kit';
import { ListExportModal, SupervisionModal, type OpenModal } from './supervision-modals';

const APPROVED = TRIP_DECISIONS[0];
type Trip = TSupervisionRecords['trips'][number];
type Passport = TSupervisionRecords['passports'][number];
type Entry = TSupervisionRecords['pool'][number];

export function RecordsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const writes = can(me.roles, 'cadre.supervise');
  const exports = can(me.roles, 'cadre.export');
  const id = Number(useParams().id);
  const req = useRequest((signal) => getSupervisionRecords(id, signal), [id]);
  const [open, setOpen] = useState<OpenModal>();
  const [exporting, setExporting] = useState<TSupervisionList>();
  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  const d = req.data;
  const act = (testId: string, label: string, m: OpenModal) =>
    writes ? (
      <Button size="small" type="link" data-testid={testId} onClick={() => setOpen(m)}>
        {label}
      </Button>
    ) : null;
  const extra = (list: TSupervisionList, add?: ReactNode) => (
    <Space>
      {add}
      {exports && (
        <Button size="small" data-testid={`sup-export-${list}`} onClick={() => setExporting(list)}>
          {t('cadreSupervision.export.button')}
        </Button>
      )}
    </Space>
  );
  const v = (x: string | null) => valueLabel(t, x);
  const passportActions = (r: Passport) => {
    if (!r.takenOutOn || r.returnedOn)
      return act(`sup-passport-out-${r.id}`, t('cadreSupervision.act.takeOut'), { k: 'passportOut', id: r.id });
    return act(`sup-passport-return-${r.id}`, t('cadreSupervision.act.return'), { k: 'passportReturn', id: r.id });
  };
  const tripActions = (r: Trip) => (
    <Space size={0} wrap>
      {!r.decidedOn && act(`sup-trip-decide-${r.id}`, t('cadreSupervision.act.decide'), { k: 'tripDecide', id: r.id })}
      {r.status === APPROVED &&
        !r.passport &&
        act(`sup-trip-passport-${r.id}`, t('cadreSupervision.act.takeOut'), { k: 'tripPassport', id: r.id })}
      {r.status === APPROVED && !r.cameBackOn && act(`sup-trip-back-${r.id}`, t('cadreSupervision.act.back'), { k: 'tripBack', id: r.id })}
      {r.passport &&
        r.passport.takenOutOn &&
        !r.passport.returnedOn &&
        act(`sup-trip-return-${r.id}`, t('cadreSupervision.act.return'), { k: 'passportReturn', id: r.passport.id })}
    </Space>
  );
  const poolActions = (r: Entry) =>
    r.leftOn ? null : (
      <Space size={0} wrap>
        {act(`sup-pool-plan-${r.id}`, t('cadreSupervision.act.plan'), { k: 'poolPlan', id: r.id })}
        {act(`sup-pool-note-${r.id}`, t('cadreSupervision.act.note'), { k: 'poolNote', id: r.id })}
        {act(`sup-pool-leave-${r.id}`, t('cadreSupervision.act.leave'), { k: 'poolLeave', id: r.id })}
      </Space>
    );
  const add = (testId: string, m: OpenModal) => act(testId, t('cadreSupervision.act.add'), m);
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
        <Card
          size="small"
          title={t('cadreSupervision.records.adjustments')}
          extra={extra('adjustments', add('sup-add-adjust', { k: 'adjust' }))}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={req.loading}
            dataSource={d?.adjustments ?? []}
            columns={[
              { title: t('cadreSupervision.col.decidedOn'), dataIndex: 'decidedOn', width: 110 },
              { title: t('cadreSupervision.col.kind'), dataIndex: 'kind', width: 100, render: (x: string) => v(x) },
              { title: t('cadreSupervision.col.situation'), dataIndex: 'situationText' },
              { title: t('cadreSupervision.col.post'), dataIndex: 'appointmentTitle', width: 180 },
              { title: t('cadreSupervision.col.docNo'), dataIndex: 'docNo', width: 160 },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.pool')} extra={extra('pool', add('sup-add-pool', { k: 'poolEnter' }))}>
          <Table<Entry>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.pool ?? []}
            columns={[
              { title: t('cadreSupervision.col.enteredOn'), dataIndex: 'enteredOn', width: 110 },
              { title: t('cadreSupervision.col.source'), dataIndex: 'source', width: 120 },
              {
                title: t('cadreSupervision.col.plans'),
                key: 'plans',
                render: (_: unknown, r) =>
                  r.plans.map((p) => <div key={p.id}>{`${v(p.kind)} ${p.place} ${p.startsOn}–${p.endsOn ?? ''}`}</div>),
              },
              {
                title: t('cadreSupervision.col.notes'),
                key: 'notes',
                render: (_: unknown, r) => r.notes.map((n) => <div key={n.id}>{`${n.notedOn} ${n.text}`}</div>),
              },
              {
                title: t('cadreSupervision.col.leftOn'),
                key: 'left',
                width: 160,
                render: (_: unknown, r) => (r.leftOn ? `${r.leftOn} ${v(r.leaveKind)}` : poolActions(r)),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.reports')} extra={extra('reports', add('sup-add-report', { k: 'report' }))}>
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
        <Card
          size="small"
          title={t('cadreSupervision.records.passports')}
          extra={extra('passports', add('sup-add-passport', { k: 'passportIn' }))}
        >
          <Table<Passport>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.passports ?? []}
            data-testid="sup-passports"
            columns={[
              { title: t('cadreSupervision.col.passport'), dataIndex: 'kind', width: 120, render: (x: string) => v(x) },
              { title: t('cadreSupervision.col.handedInOn'), dataIndex: 'handedInOn', width: 110 },
              { title: t('cadreSupervision.col.takenOutOn'), dataIndex: 'takenOutOn', width: 110 },
              { title: t('cadreSupervision.col.trip'), dataIndex: 'trip' },
              {
                title: t('cadreSupervision.col.dueOn'),
                dataIndex: 'dueOn',
                width: 150,
                render: (x: string | null, r) => (
                  <>
                    {x} {r.overdue && <Tag color="red">{t('cadreSupervision.overdue')}</Tag>}
                  </>
                ),
              },
              { title: t('cadreSupervision.col.returnedOn'), dataIndex: 'returnedOn', width: 110 },
              { title: '', key: 'act', width: 90, render: (_: unknown, r) => passportActions(r) },
            ]}
          />
        </Card>
        <Card size="small" title={t('cadreSupervision.records.trips')} extra={extra('trips', add('sup-add-trip', { k: 'tripApply' }))}>
          <Table<Trip>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d?.trips ?? []}
            data-testid="sup-trips"
            columns={[
              { title: t('cadreSupervision.col.destinations'), dataIndex: 'destinations' },
              { title: t('cadreSupervision.col.purpose'), dataIndex: 'purpose', width: 140 },
              {
                title: t('cadreSupervision.col.tripDates'),
                key: 'dates',
                width: 200,
                render: (_: unknown, r) => `${r.departOn} – ${r.returnOn}`,
              },
              {
                title: t('cadreSupervision.col.tripStatus'),
                dataIndex: 'status',
                width: 160,
                render: (x: string, r) => (r.refusalReason ? `${v(x)} (${r.refusalReason})` : v(x)),
              },
              { title: t('cadreSupervision.col.cameBackOn'), dataIndex: 'cameBackOn', width: 110 },
              {
                title: t('cadreSupervision.col.dueOn'),
                key: 'due',
                width: 150,
                render: (_: unknown, r) => (
                  <>
                    {r.passport?.dueOn} {r.overdue && <Tag color="red">{t('cadreSupervision.overdue')}</Tag>}
                  </>
                ),
              },
              { title: t('cadreSupervision.col.returnedOn'), key: 'ret', width: 110, render: (_: unknown, r) => r.passport?.returnedOn },
              { title: '', key: 'act', width: 150, render: (_: unknown, r) => tripActions(r) },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={t('cadreSupervision.records.partTime')}
          extra={extra('partTime', add('sup-add-part-time', { k: 'partTime' }))}
        >
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
      {open && d && (
        <SupervisionModal
          open={open}
          records={d}
          onClose={(r) => {
            setOpen(undefined);
            if (r) req.setData(r);
          }}
        />
      )}
      {exporting && <ListExportModal list={exporting} onClose={() => setExporting(undefined)} />}
    </div>
  );
}
