// One selection: the step bar, the gate to the next step (disabled with its reasons and articles), the form of the
// step in progress, each candidate's 凡提四必, eligibility and avoidance, and the trail; the 纪实 and packet exports.
import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { SELECTION_STEPS } from '../../../../domain/rules/cadre-selection';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { advanceSelection, downloadPacket, downloadRecord, getSelection, stopSelection, type TSelection } from '../../api/cadre-selections';
import { useRequest } from '../../lib/use-request';
import { APPOINT, useStepLabel } from './parts';
import { CandidateCards } from './candidate-cards';
import { StepForm } from './step-forms';

export type Run = (p: Promise<TSelection>) => Promise<boolean>;

export function SelectionDetail() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const stepLabel = useStepLabel();
  const [stopping, setStopping] = useState<string | null>(null);
  const sel = useRequest((signal) => getSelection(Number(id), signal), [id]);
  const s = sel.data;
  const run: Run = async (p) => {
    try {
      sel.setData(await p);
      message.success(t('cadreSelections.saved'));
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  if (sel.error !== undefined) return <Alert type="error" showIcon title={errorText(sel.error)} />;
  if (!s) return <Spin />;
  const writer = can(me.roles, 'cadre.select') && s.status === 'open';
  const current = SELECTION_STEPS.indexOf(s.step);
  return (
    <div className="page-card" data-testid="selection-detail">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/cadre-selections')}>
          {t('cadreSelections.back')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => downloadRecord(s.id).catch((e: unknown) => message.error(errorText(e)))}>
          {t('cadreSelections.exportRecord')}
        </Button>
        {s.candidates.length > 0 && (
          <Button icon={<DownloadOutlined />} onClick={() => downloadPacket(s.id).catch((e: unknown) => message.error(errorText(e)))}>
            {t('cadreSelections.exportPacket')}
          </Button>
        )}
        {writer && !s.appointment && current < SELECTION_STEPS.indexOf(APPOINT) && (
          <Button danger icon={<StopOutlined />} data-testid="selection-stop" onClick={() => setStopping('')}>
            {t('cadreSelections.stop.button')}
          </Button>
        )}
      </Space>
      <Modal
        open={stopping !== null}
        title={t('cadreSelections.stop.title')}
        okButtonProps={{ disabled: !stopping?.trim(), danger: true }}
        onCancel={() => setStopping(null)}
        onOk={async () => {
          if (await run(stopSelection(s.id, { reason: stopping ?? '', version: s.version }))) setStopping(null);
        }}
      >
        <Typography.Paragraph type="secondary">{t('cadreSelections.stop.hint')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={stopping ?? ''} onChange={(e) => setStopping(e.target.value)} data-testid="stop-reason" />
      </Modal>
      {s.stopped && (
        <Alert
          type="error"
          showIcon
          data-testid="selection-stopped"
          title={t('cadreSelections.stop.stopped', { on: s.stopped.on, by: s.stopped.by, reason: s.stopped.reason })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Title level={4}>
        {s.title}{' '}
        <Tag color={s.status === 'open' ? 'blue' : 'default'} data-testid="selection-step">
          {stepLabel(s.step)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {s.managerOrgName} · {s.way} · {s.motionOn}
        </Typography.Text>
      </Typography.Title>
      <Steps
        size="small"
        current={current}
        status={s.status === 'closed' ? 'finish' : s.next.ok ? 'process' : 'wait'}
        items={SELECTION_STEPS.map((st) => ({ title: stepLabel(st), content: s.stepDates[st] }))}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph type="secondary">{s.grounds}</Typography.Paragraph>
      {writer && s.next.step && (
        <div style={{ marginBottom: 16 }}>
          {!s.next.ok && (
            <Alert
              type="warning"
              showIcon
              title={t('cadreSelections.nextBlocked', { step: stepLabel(s.next.step) })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="next-reasons">
                  {s.next.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 8 }}
            />
          )}
          <Button
            type="primary"
            disabled={!s.next.ok}
            data-testid="selection-next"
            onClick={() => run(advanceSelection(s.id, { to: s.next.step!, version: s.version }))}
          >
            {t('cadreSelections.next', { step: stepLabel(s.next.step) })}
          </Button>
        </div>
      )}
      {s.status === 'closed' && <Alert type="success" showIcon title={t('cadreSelections.done')} style={{ marginBottom: 16 }} />}
      {writer && <StepForm s={s} run={run} />}
      <CandidateCards s={s} run={run} writer={writer} override={can(me.roles, 'cadre.select_override') && s.status === 'open'} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cadreSelections.trail')}
      </Typography.Title>
      <Timeline
        items={s.events.map((e, i) => ({
          key: i,
          content: `${e.onDate} · ${e.step} · ${e.action} · ${e.actorName}: ${e.summary}`,
        }))}
      />
    </div>
  );
}
