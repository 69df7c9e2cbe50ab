// One person's development record: facts, the 25 steps with their dates, people, papers, votes and
// special cases, the window of the next step, and the form to record it.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getPerson, type TPersonDetail } from '../../api/development';
import { useRequest } from '../../lib/use-request';
import { useMe } from '../../auth/auth-context';
import { can } from '../../../../domain/permissions';
import { DEV_STEPS } from '../../../../domain/rules/development-steps';
import { STATUS_COLORS, useDevLabels } from './dev-labels';
import { StepFormModal } from './step-form-modal';

type StepRec = TPersonDetail['steps'][number];

function StepRecords({ records }: { records: StepRec[] }) {
  const { t } = useTranslation();
  return (
    <div>
      {records.map((r) => (
        <div key={r.id} className="muted" style={{ fontSize: 12 }}>
          <span>{t('development.detail.doneOn', { date: r.doneOn })}</span>
          {!r.passed && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('development.detail.notPassed')}
            </Tag>
          )}
          {r.people.length > 0 && (
            <div>
              {t(`development.detail.people.${r.people[0].role}`)}：{r.people.map((p) => p.name).join('、')}
            </div>
          )}
          {r.vote && <div data-testid="step-vote">{t('development.detail.vote', r.vote)}</div>}
          {r.trainingDays !== null && <div>{t('development.detail.training', { days: r.trainingDays, hours: r.trainingHours ?? 0 })}</div>}
          {r.reviewPassed !== null && <div>{t(`development.detail.review.${r.reviewPassed}`)}</div>}
          {r.documents.length > 0 && (
            <div>
              {t('development.detail.documents')}：{r.documents.map((d) => (d.number ? `${d.name}（${d.number}）` : d.name)).join('、')}
            </div>
          )}
          {r.note && <div>{r.note}</div>}
          {r.override && (
            <div>
              <Tag color="gold" data-testid="step-override">
                {t('development.detail.override', { by: r.override.by, reason: r.override.reason })}
              </Tag>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

export function PersonPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const l = useDevLabels();
  const me = useMe();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const req = useRequest((signal) => getPerson(Number(id), signal), [id]);
  if (req.error)
    return (
      <div className="page-card">
        <Alert type="error" showIcon title={errorText(req.error)} />
      </div>
    );
  const p = req.data;
  if (!p) return <Card loading />;
  const byStep = new Map<number, StepRec[]>();
  for (const s of p.steps) byStep.set(s.stepNo, [...(byStep.get(s.stepNo) ?? []), s]);
  const next = p.nextDue?.stepNo;
  const items = DEV_STEPS.map((s) => {
    const recs = byStep.get(s.no) ?? [];
    const done = recs.some((r) => r.passed);
    const isNext = s.no === next;
    return {
      key: s.no,
      status: (done ? 'finish' : isNext ? (p.overdue ? 'error' : 'process') : 'wait') as 'finish' | 'process' | 'error' | 'wait',
      title: l.step(s.no),
      description: (
        <div data-testid={`timeline-step-${s.no}`}>
          {DEV_STEPS.find((x) => x.stage === s.stage)!.no === s.no && (
            <Typography.Text type="secondary">{l.stage(s.stage)}</Typography.Text>
          )}
          <StepRecords records={recs} />
          {isNext && p.nextDue && l.window(p.nextDue) && (
            <Typography.Text type={p.overdue ? 'danger' : 'warning'} data-testid="next-window">
              {t('development.detail.due', { window: l.window(p.nextDue) })}
              {p.overdue ? ` · ${t('development.overdue')}` : ''}
            </Typography.Text>
          )}
        </div>
      ),
    };
  });
  return (
    <div className="page-card" data-testid="dev-person">
      <Space style={{ marginBottom: 8 }}>
        <Link to="/development">
          <ArrowLeftOutlined /> {t('development.detail.back')}
        </Link>
      </Space>
      <Typography.Title level={4}>
        {p.name}{' '}
        <Tag color={STATUS_COLORS[p.status]} data-testid="person-status">
          {l.status(p.status)}
        </Tag>
        <span style={{ float: 'right' }}>
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} />
            {can(me.roles, 'dev.write') && p.allowedNext.length > 0 && (
              <Button type="primary" onClick={() => setRecording(true)} data-testid="record-step">
                {t('development.detail.record')}
              </Button>
            )}
          </Space>
        </span>
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'g', label: t('development.fields.gender'), children: p.gender },
          { key: 'b', label: t('development.fields.birthDate'), children: p.birthDate },
          { key: 'i', label: t('development.fields.idNumber'), children: <span className="mono">{p.idMasked}</span> },
          { key: 'o', label: t('development.fields.org'), children: p.orgName },
          { key: 'a', label: t('development.fields.appliedOn'), children: p.appliedOn },
          {
            key: 'n',
            label: t('development.fields.nextStep'),
            children: p.nextDue ? `${l.step(p.nextDue.stepNo)} ${l.window(p.nextDue)}` : t('development.detail.ended'),
          },
          ...(p.admittedOn
            ? [
                { key: 'ad', label: t('development.fields.admittedOn'), children: p.admittedOn },
                {
                  key: 'pe',
                  label: t('development.fields.probationEnd'),
                  children: <span data-testid="probation-end">{p.probationEnd}</span>,
                },
                { key: 'fo', label: t('development.fields.fullOn'), children: p.fullOn ?? '—' },
              ]
            : []),
          ...(p.extensionMonths ? [{ key: 'ex', label: t('development.fields.extension'), children: `${p.extensionMonths}` }] : []),
        ]}
      />
      <Card size="small" title={t('development.detail.timeline')} style={{ marginTop: 12 }}>
        <Steps direction="vertical" size="small" items={items} />
      </Card>
      {recording && (
        <StepFormModal
          person={p}
          onCancel={() => setRecording(false)}
          onSaved={(after) => {
            setRecording(false);
            req.setData(after);
            void message.success(t('development.form.saved'));
          }}
        />
      )}
    </div>
  );
}
