// One election as steps (申请 → 批复 → 选举 → 审批书记副书记 → 新一届) with its facts and the action the
// caller may take now: approve (higher organization), record the vote, approve the secretary and deputy.
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Steps, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { decideElection, type TElection } from '../../api/terms';
import type { Id } from '../../api/types';
import { formatMinute } from '../../lib/dates';
import { ElectionTag } from './term-tags';
import { DecideModal } from './term-forms';
import { VoteForm } from './vote-form';
import { ConfirmModal } from './confirm-modal';

const STEP: Record<TElection['status'], { current: number; status: 'process' | 'error' | 'finish' }> = {
  requested: { current: 1, status: 'process' },
  rejected: { current: 1, status: 'error' },
  approved: { current: 2, status: 'process' },
  failed: { current: 2, status: 'error' },
  held: { current: 3, status: 'process' },
  confirmed: { current: 4, status: 'finish' },
};

export function ElectionPanel({
  election: e,
  orgId,
  voters,
  onChanged,
}: {
  election: TElection;
  orgId: Id;
  voters: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'approve' | 'reject' | 'vote' | 'confirm' | null>(null);
  const close = (done: boolean) => {
    setDialog(null);
    if (done) onChanged();
  };
  const step = STEP[e.status];

  return (
    <div data-testid="election-card" style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 12, marginBottom: 12 }}>
      <Space style={{ marginBottom: 12 }}>
        <ElectionTag status={e.status} testId="election-status" />
        {e.plannedOn && (
          <span className="muted">
            {t('terms.col.plannedOn')} {e.plannedOn}
          </span>
        )}
        {e.plannedSeats && (
          <span className="muted">
            {t('terms.col.seats')} {e.plannedSeats}
          </span>
        )}
      </Space>
      <Steps
        size="small"
        current={step.current}
        status={step.status}
        data-testid="election-steps"
        items={(['request', 'approve', 'vote', 'confirm', 'done'] as const).map((k) => ({ title: t(`terms.steps.${k}`) }))}
      />
      {e.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="election-failure"
          title={`${t('terms.result.failed')}：${e.failureReason ?? ''}`}
          description={t('terms.result.retry')}
        />
      )}
      {e.reportOverdue && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('terms.result.reportOverdue')} />}
      {e.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon style={{ marginTop: 12 }} title={w} />
      ))}
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('terms.col.requestedBy')}>
          {[e.requestedBy, formatMinute(e.requestedAt)].filter(Boolean).join(' ')}
        </Descriptions.Item>
        {e.requestNote && <Descriptions.Item label={t('terms.request.note')}>{e.requestNote}</Descriptions.Item>}
        {e.approvedAt && (
          <Descriptions.Item label={t('terms.col.decidedBy')}>
            {[e.approvedOrgName, e.approvedBy, formatMinute(e.approvedAt), e.decisionNote].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        )}
        {e.heldOn && <Descriptions.Item label={t('terms.col.heldOn')}>{e.heldOn}</Descriptions.Item>}
        {e.shouldAttend !== null && <Descriptions.Item label={t('terms.vote.shouldAttend')}>{e.shouldAttend}</Descriptions.Item>}
        {e.present !== null && <Descriptions.Item label={t('terms.vote.present')}>{e.present}</Descriptions.Item>}
        {e.status === 'held' && e.reportDueOn && (
          <Descriptions.Item label={t('terms.result.notes')}>{t('terms.result.report', { date: e.reportDueOn })}</Descriptions.Item>
        )}
        {e.confirmedAt && (
          <Descriptions.Item label={t('terms.steps.confirm')}>
            {[e.confirmedOrgName, e.confirmedBy, formatMinute(e.confirmedAt)].filter(Boolean).join(' · ')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.candidates.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.candidates}
          style={{ marginTop: 8 }}
          columns={[
            { title: t('terms.vote.candidate'), dataIndex: 'personName' },
            { title: t('terms.vote.votes'), dataIndex: 'votesFor', width: 90, align: 'right' },
            {
              title: t('terms.col.state'),
              key: 'r',
              width: 160,
              render: (_v, c) => (
                <Space size={4}>
                  {c.elected ? <Tag color="green">{t('terms.vote.elected')}</Tag> : <Tag>{t('terms.vote.notElected')}</Tag>}
                  {c.post !== 'member' && <Tag color="red">{t(`terms.confirm.${c.post === 'secretary' ? 'secretary' : 'deputies'}`)}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        {e.canDecide && (
          <Button type="primary" onClick={() => setDialog('approve')} data-testid="election-approve">
            {t('terms.action.approve')}
          </Button>
        )}
        {e.canDecide && (
          <Button onClick={() => setDialog('reject')} data-testid="election-reject">
            {t('terms.action.reject')}
          </Button>
        )}
        {e.canRecord && (
          <Button type="primary" onClick={() => setDialog('vote')} data-testid="election-record">
            {t('terms.action.record')}
          </Button>
        )}
        {e.canConfirm && (
          <Button type="primary" onClick={() => setDialog('confirm')} data-testid="election-confirm">
            {t('terms.action.confirm')}
          </Button>
        )}
      </Space>
      {(dialog === 'approve' || dialog === 'reject') && (
        <DecideModal title={e.orgName} decision={dialog} decide={(note) => decideElection(e, dialog, note)} onClose={close} />
      )}
      {dialog === 'vote' && <VoteForm election={e} orgId={orgId} voters={voters} onClose={close} />}
      {dialog === 'confirm' && <ConfirmModal election={e} onClose={close} />}
    </div>
  );
}
