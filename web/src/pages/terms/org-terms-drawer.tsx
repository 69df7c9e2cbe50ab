// One organization's term: the rule, the current term with its reminder and request window, the election
// under way as steps, and the history, elections, delays and sitting committee.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { decideAdjustment, getOrgTerms, type TAdjustment, type TElection, type TOrgTerms } from '../../api/terms';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { useLabels } from '../../lib/labels';
import { DaysLeft, ElectionTag, StateTag } from './term-tags';
import { ElectionPanel } from './election-panel';
import { AdjustmentModal, DecideModal, RecordTermModal, RequestModal } from './term-forms';

type Dialog = 'record' | 'request' | 'adjust' | { a: TAdjustment; decision: 'approve' | 'reject' } | null;

export function OrgTermsDrawer({ orgId, onClose }: { orgId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  const req = useRequest((signal) => getOrgTerms(orgId, signal), [orgId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (done: boolean) => {
    setDialog(null);
    if (done) req.reload();
  };
  const o = req.data;
  // The election to act on: the one under way, else the latest (a failure or refusal stays in view).
  const focus =
    o?.elections.find((e) => ['requested', 'approved', 'held'].includes(e.status)) ?? o?.elections.find((e) => e.status !== 'confirmed');

  return (
    <Drawer
      open
      width={880}
      title={o ? t('terms.drawer.title', { name: o.org.name }) : t('common.loading')}
      onClose={onClose}
      data-testid="org-terms"
    >
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {o && (
        <>
          <TermSummary o={o} />
          <Space style={{ margin: '12px 0' }}>
            {o.can.recordTerm && (
              <Button onClick={() => setDialog('record')} data-testid="record-term">
                {t('terms.action.recordTerm')}
              </Button>
            )}
            {o.can.request && (
              <Button type="primary" onClick={() => setDialog('request')} data-testid="request-election">
                {t('terms.action.request')}
              </Button>
            )}
            {o.can.propose && (
              <Button onClick={() => setDialog('adjust')} data-testid="propose-adjustment">
                {t('terms.action.propose')}
              </Button>
            )}
          </Space>
          {focus ? (
            <ElectionPanel election={focus} orgId={o.org.id} voters={o.voters.full} onChanged={req.reload} />
          ) : (
            o.rule && <Alert type="info" title={t('terms.drawer.noElection')} style={{ marginBottom: 12 }} />
          )}
          <Tabs
            size="small"
            items={[
              { key: 'history', label: t('terms.drawer.history'), children: <History o={o} /> },
              { key: 'elections', label: t('terms.drawer.elections'), children: <Elections items={o.elections} /> },
              {
                key: 'adjustments',
                label: t('terms.drawer.adjustments'),
                children: <Adjustments items={o.adjustments} onDecide={(a, decision) => setDialog({ a, decision })} />,
              },
              { key: 'committee', label: t('terms.drawer.committee'), children: <Committee o={o} /> },
            ]}
          />
          {dialog === 'record' && <RecordTermModal orgId={o.org.id} onClose={close} />}
          {dialog === 'request' && <RequestModal orgId={o.org.id} seats={Math.max(1, o.committee.length)} onClose={close} />}
          {dialog === 'adjust' && o.current && <AdjustmentModal orgId={o.org.id} regularEnd={o.current.regularEnd} onClose={close} />}
          {dialog && typeof dialog === 'object' && (
            <DecideModal
              title={o.org.name}
              decision={dialog.decision}
              decide={(note) => decideAdjustment(dialog.a.id, dialog.decision, note)}
              onClose={close}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function TermSummary({ o }: { o: TOrgTerms }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const c = o.current;
  if (!o.rule) return <Alert type="info" showIcon title={t('terms.drawer.noRule')} />;
  return (
    <>
      {c && (c.state === 'ending' || c.state === 'request_window') && (
        <Alert
          type="warning"
          showIcon
          data-testid="term-reminder"
          style={{ marginBottom: 12 }}
          title={t('terms.drawer.endingAlert', { date: c.endsOn, days: c.daysLeft, by: c.requestBy })}
        />
      )}
      {c?.state === 'overdue' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('terms.drawer.overdueAlert', { date: c.endsOn, days: -(c.daysLeft ?? 0) })}
        />
      )}
      {c?.state === 'delayed' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('terms.drawer.delayedAlert', { date: c.endsOn })} />
      )}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('terms.drawer.rule')} span={2}>
          {[labels.kind(o.org.kind), labels.unitType(o.org.unitType), t('terms.drawer.perTerm', { n: o.rule.years })]
            .filter(Boolean)
            .join(' · ')}
          <span className="muted">（{o.rule.article}）</span>
        </Descriptions.Item>
        {c ? (
          <>
            <Descriptions.Item label={t('terms.drawer.elected')}>{c.electedOn}</Descriptions.Item>
            <Descriptions.Item label={t('terms.drawer.ends')}>
              <Space>
                {c.endsOn}
                <StateTag state={c.state} testId="term-state" />
                <DaysLeft days={c.daysLeft} />
              </Space>
            </Descriptions.Item>
            {c.endsOn !== c.regularEnd && <Descriptions.Item label={t('terms.drawer.regularEnd')}>{c.regularEnd}</Descriptions.Item>}
            <Descriptions.Item label={t('terms.drawer.reminder')}>{c.reminderOn}</Descriptions.Item>
            <Descriptions.Item label={t('terms.drawer.window')}>
              {t('terms.drawer.windowValue', { from: c.requestFrom, by: c.requestBy })}
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('terms.drawer.current')} span={2}>
            <StateTag state="missing" testId="term-state" /> {t('terms.drawer.noCurrent')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('terms.drawer.voters')} span={2}>
          {t('terms.drawer.votersValue', o.voters)}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

function History({ o }: { o: TOrgTerms }) {
  const { t } = useTranslation();
  const rows = [...(o.current ? [o.current] : []), ...o.history];
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('terms.col.elected'), dataIndex: 'electedOn', width: 110 },
        { title: t('terms.col.ends'), dataIndex: 'endsOn', width: 110 },
        { title: t('terms.col.years'), dataIndex: 'termYears', width: 80, render: (n: number) => t('terms.yearsN', { n }) },
        { title: t('terms.col.state'), key: 's', render: (_v, r) => (r.endedOn ? <Tag>{r.endedOn}</Tag> : <StateTag state={r.state} />) },
      ]}
    />
  );
}

function Elections({ items }: { items: TElection[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('terms.col.status'), dataIndex: 'status', width: 130, render: (s: string) => <ElectionTag status={s} /> },
        { title: t('terms.col.plannedOn'), dataIndex: 'plannedOn', width: 110 },
        { title: t('terms.col.heldOn'), dataIndex: 'heldOn', width: 110 },
        {
          title: t('terms.vote.present'),
          key: 'p',
          width: 110,
          render: (_v, e) => (e.shouldAttend ? `${e.present}/${e.shouldAttend}` : ''),
        },
        {
          title: t('terms.result.notes'),
          key: 'n',
          ellipsis: true,
          render: (_v, e) =>
            e.failureReason ??
            e.decisionNote ??
            e.candidates
              .filter((c) => c.elected)
              .map((c) => c.personName)
              .join('、'),
        },
      ]}
    />
  );
}

function Adjustments({ items, onDecide }: { items: TAdjustment[]; onDecide: (a: TAdjustment, d: 'approve' | 'reject') => void }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('terms.col.adjustKind'), dataIndex: 'kind', width: 90, render: (k: 'delay' | 'advance') => t(`terms.adjust.${k}`) },
        { title: t('terms.col.originalEnd'), dataIndex: 'originalEnd', width: 110 },
        { title: t('terms.col.newEnd'), dataIndex: 'newEnd', width: 110 },
        { title: t('terms.col.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('terms.col.status'),
          dataIndex: 'status',
          width: 90,
          render: (s: TAdjustment['status'], a) => <Tag title={a.decisionNote ?? undefined}>{t(`terms.adjust.status.${s}`)}</Tag>,
        },
        {
          title: '',
          key: 'act',
          width: 150,
          render: (_v, a) =>
            a.canDecide && (
              <Space size={4}>
                <Button size="small" type="primary" onClick={() => onDecide(a, 'approve')} data-testid={`adjustment-approve-${a.id}`}>
                  {t('terms.action.approve')}
                </Button>
                <Button size="small" onClick={() => onDecide(a, 'reject')}>
                  {t('terms.action.reject')}
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}

function Committee({ o }: { o: TOrgTerms }) {
  const labels = useLabels();
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={o.committee}
      columns={[
        { title: t('terms.col.name'), dataIndex: 'personName', width: 120 },
        { title: t('terms.col.post'), dataIndex: 'post', width: 100, render: (p: string) => labels.post(p) },
        { title: t('terms.col.elected'), dataIndex: 'termStart', width: 110 },
        { title: t('terms.col.ends'), dataIndex: 'termEnd', width: 110 },
      ]}
    />
  );
}
