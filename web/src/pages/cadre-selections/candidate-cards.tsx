// Each candidate: the 凡提四必 as a checklist (closed with evidence while in 考察), the eligibility findings with
// their articles (overridable ones set aside with a reason), the avoidance flags (proceeding needs a decision),
// the vote, and the 试用期 end assessment.
import { validValues } from '../../lib/form-values';
import { useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  closeFourMust,
  decideAvoidance,
  endProbation,
  overrideFinding,
  type TCandidate,
  type TSelection,
} from '../../api/cadre-selections';
import type { Run } from './selection-detail';
import { INSPECT, PROBATION, RECOMMEND } from './parts';

type Prompt = {
  title: string;
  fields: { name: string; label: string; optional?: boolean }[];
  submit: (v: Record<string, string>) => Promise<boolean>;
};

export function CandidateCards({ s, run, writer, override }: { s: TSelection; run: Run; writer: boolean; override: boolean }) {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  return (
    <>
      {s.candidates.map((c) => (
        <CandidateCard key={c.id} s={s} c={c} run={run} writer={writer} override={override} ask={setPrompt} />
      ))}
      {prompt && <PromptModal prompt={prompt} onClose={() => setPrompt(null)} />}
    </>
  );
}

function PromptModal({ prompt, onClose }: { prompt: Prompt; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <Modal
      open
      title={prompt.title}
      okText={t('common.save')}
      onCancel={onClose}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        if (await prompt.submit(v)) onClose();
      }}
    >
      <Form form={form} layout="vertical">
        {prompt.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={f.optional ? [] : [{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} data-testid={`prompt-${f.name}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function CandidateCard(p: { s: TSelection; c: TCandidate; run: Run; writer: boolean; override: boolean; ask: (x: Prompt) => void }) {
  const { t } = useTranslation();
  const { s, c, run, writer, ask } = p;
  const inInspection = writer && s.step === INSPECT;
  const early = s.step === RECOMMEND || s.step === INSPECT;
  const e = c.eligibility;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`candidate-${c.cadreId}`}
      title={
        <Space wrap>
          <strong>{c.name}</strong>
          <Typography.Text type="secondary">
            {c.currentTitle} → {c.postTitle}（{c.postLevel}）
          </Typography.Text>
          {c.droppedReason && <Tag>{t('cadreSelections.dropped', { reason: c.droppedReason })}</Tag>}
          {c.vote && (
            <Tag color={c.vote.passed ? 'green' : 'red'}>
              {t('cadreSelections.meet.inFavor')} {c.vote.inFavor} / {t('cadreSelections.meet.against')} {c.vote.against} /{' '}
              {t('cadreSelections.meet.abstain')} {c.vote.abstain}
            </Tag>
          )}
          {c.appointmentId && (
            <Tag color="blue">
              {c.probationUntil
                ? t('cadreSelections.app.probationUntil', { date: c.probationUntil })
                : t('cadreSelections.app.noProbation')}
            </Tag>
          )}
        </Space>
      }
    >
      <Typography.Text strong>{t('cadreSelections.ins.fourMusts')}</Typography.Text>
      <List
        size="small"
        dataSource={c.fourMusts}
        data-testid={`four-musts-${c.cadreId}`}
        renderItem={(m) => (
          <List.Item
            actions={
              inInspection && !m.record
                ? [
                    <Button
                      key="close"
                      size="small"
                      data-testid={`close-${c.cadreId}-${m.item}`}
                      onClick={() =>
                        ask({
                          title: m.label,
                          fields: [
                            { name: 'evidence', label: t('cadreSelections.ins.evidence') },
                            { name: 'attachmentName', label: t('cadreSelections.ins.attachment'), optional: true },
                            ...(m.item === 'personalMatters' && c.fourMustEvidence.personalMatters.findingOpen
                              ? [{ name: 'explanation', label: t('cadreSelections.ins.explanation') }]
                              : []),
                          ],
                          submit: (v) =>
                            run(
                              closeFourMust(s.id, {
                                candidateId: c.id,
                                item: m.item,
                                evidence: v.evidence,
                                attachmentName: v.attachmentName || null,
                                explanation: v.explanation || null,
                              }),
                            ),
                        })
                      }
                    >
                      {t('cadreSelections.ins.close')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space>
              {m.record ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ExclamationCircleTwoTone twoToneColor="#faad14" />}
              {m.label}
              <Typography.Text type="secondary">
                {m.record
                  ? `${t('cadreSelections.ins.closedBy', { by: m.record.closedBy, on: m.record.closedOn })} · ${m.record.evidence}${m.record.attachmentName ? ` · ${m.record.attachmentName}` : ''}`
                  : t('cadreSelections.ins.open')}
              </Typography.Text>
              <EvidenceNote c={c} item={m.item} />
            </Space>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('cadreSelections.elig.title')}</Typography.Text>
        <Tag color={e.eligible ? 'green' : e.blocked ? 'red' : 'orange'} data-testid={`eligibility-${c.cadreId}`}>
          {e.eligible
            ? t('cadreSelections.elig.eligible')
            : e.blocked
              ? t('cadreSelections.elig.blocked')
              : t('cadreSelections.elig.notEligible')}
        </Tag>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey={(f) => `${f.rule}-${f.reason}`}
        dataSource={e.findings}
        columns={[
          {
            title: t('cadreSelections.elig.result'),
            width: 90,
            render: (_, f) => (
              <Tag color={f.met ? 'green' : f.override ? 'gold' : 'red'}>
                {f.met ? t('cadreSelections.elig.met') : t('cadreSelections.elig.unmet')}
              </Tag>
            ),
          },
          {
            title: t('cadreSelections.elig.rule'),
            render: (_, f) => (
              <>
                {f.reason}
                {f.override && (
                  <div>
                    <Typography.Text type="warning">
                      {t('cadreSelections.elig.overridden', { reason: f.override.reason, by: f.override.by })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: t('cadreSelections.elig.article'), dataIndex: 'article', width: 260 },
          {
            title: '',
            width: 100,
            render: (_, f) =>
              p.override && early && !f.met && f.overridable && !f.override ? (
                <Button
                  size="small"
                  data-testid={`override-${c.cadreId}-${f.rule}`}
                  onClick={() =>
                    ask({
                      title: `${t('cadreSelections.elig.override')}: ${f.reason}`,
                      fields: [{ name: 'reason', label: t('cadreSelections.elig.overrideReason') }],
                      submit: (v) => run(overrideFinding(s.id, { candidateId: c.id, rule: f.rule, reason: v.reason })),
                    })
                  }
                >
                  {t('cadreSelections.elig.override')}
                </Button>
              ) : null,
          },
        ]}
      />
      <div style={{ marginTop: 8 }} data-testid={`avoidance-${c.cadreId}`}>
        <Typography.Text strong>{t('cadreSelections.avoid.title')}: </Typography.Text>
        {c.avoidance.flags.length === 0 ? (
          <Typography.Text type="secondary">{t('cadreSelections.avoid.none')}</Typography.Text>
        ) : (
          <>
            {c.avoidance.flags.map((f) => (
              <div key={f.message}>
                <Typography.Text type="danger">{f.message}</Typography.Text>
              </div>
            ))}
            {c.avoidance.decision ? (
              <Typography.Text type="warning">{t('cadreSelections.avoid.decided', c.avoidance.decision)}</Typography.Text>
            ) : (
              p.override &&
              early && (
                <Button
                  size="small"
                  onClick={() =>
                    ask({
                      title: t('cadreSelections.avoid.decide'),
                      fields: [{ name: 'reason', label: t('cadreSelections.avoid.reason') }],
                      submit: (v) => run(decideAvoidance(s.id, { candidateId: c.id, reason: v.reason })),
                    })
                  }
                >
                  {t('cadreSelections.avoid.decide')}
                </Button>
              )
            )}
          </>
        )}
      </div>
      {writer && s.step === PROBATION && c.probationUntil && !c.probationResult && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('cadreSelections.prob.title')}</Typography.Text>
          {(['competent', 'incompetent'] as const).map((result) => (
            <Button
              key={result}
              size="small"
              danger={result === 'incompetent'}
              onClick={() => run(endProbation(s.id, { candidateId: c.id, result, on: dayjs().format('YYYY-MM-DD') }))}
            >
              {t(`cadreSelections.prob.${result}`)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** What the file and the supervision records say beside the 档案审核 and 个人有关事项报告查核 items. */
function EvidenceNote({ c, item }: { c: TCandidate; item: string }) {
  const { t } = useTranslation();
  const ev = c.fourMustEvidence;
  if (item === 'file')
    return (
      <Typography.Text type={ev.file.missing.length ? 'warning' : 'secondary'} data-testid={`evidence-file-${c.cadreId}`}>
        {ev.file.missing.length
          ? t('cadreSelections.ins.reviewMissing', { items: ev.file.missing.join(', ') })
          : t('cadreSelections.ins.reviewDone', { n: ev.file.reviewed.length })}
      </Typography.Text>
    );
  if (item === 'personalMatters')
    return (
      <Typography.Text type={ev.personalMatters.findingOpen ? 'danger' : 'secondary'} data-testid={`evidence-matters-${c.cadreId}`}>
        {ev.personalMatters.note}
      </Typography.Text>
    );
  return null;
}
