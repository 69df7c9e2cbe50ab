// The form of the step in progress: 民主推荐, 考察, 讨论决定 (with the quorum and each candidate's result computed as
// the votes are typed), 任前公示 (the end date computed on working days, with the holidays it skipped), 任职.
import { validValues } from '../../lib/form-values';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { committeeDecision } from '../../../../domain/rules/cadre-selection';
import { MEETING_BODIES } from '../../../../domain/schemas/cadre-selections';
import { recordInspection, recordMeeting, recordRecommendation, type TSelection } from '../../api/cadre-selections';
import { APPOINT, COMPETITION_WAY, DECIDE, INSPECT, PickerSelect, PUBLICITY, RECOMMEND } from './parts';
import { CompetitionPanel } from './competition-panel';
import { AppointForm, PublicityForm } from './publicity-forms';
import type { Run } from './selection-detail';

export function StepForm({ s, run }: { s: TSelection; run: Run }) {
  if (s.step === RECOMMEND && s.way === COMPETITION_WAY) return <CompetitionPanel s={s} run={run} />;
  if (s.step === RECOMMEND) return <RecommendationForm s={s} run={run} />;
  if (s.step === INSPECT) return <InspectionForm s={s} run={run} />;
  if (s.step === DECIDE && !s.meeting) return <MeetingForm s={s} run={run} />;
  if (s.step === PUBLICITY) return <PublicityForm s={s} run={run} />;
  if (s.step === APPOINT && !s.appointment) return <AppointForm s={s} run={run} />;
  return null;
}

const today = () => dayjs().format('YYYY-MM-DD');

interface RecValues {
  meetingOn?: string;
  categories: { category: string; voters: number; ballots: number }[];
  talksOn?: string;
  talkCount?: number;
  nonCompetitiveReason?: string;
  candidates: { cadreId: number; postId: number; votes?: number; trainingHours?: number; exceptionalReasons?: string }[];
}

function RecommendationForm({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecValues>();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    await run(
      recordRecommendation(s.id, {
        meeting: v.meetingOn ? { heldOn: v.meetingOn, categories: v.categories ?? [] } : null,
        talks: v.talksOn ? { heldOn: v.talksOn, talkCount: v.talkCount ?? 0 } : null,
        nonCompetitiveReason: v.nonCompetitiveReason || null,
        candidates: v.candidates.map((c) => ({
          ...c,
          trainingHours: c.trainingHours ?? 0,
          exceptionalReasons: c.exceptionalReasons || null,
        })),
      }),
    );
  };
  return (
    <Card size="small" title={t('cadreSelections.rec.title')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          meetingOn: s.recommendation?.meeting?.heldOn ?? today(),
          categories: s.recommendation?.meeting?.categories ?? [{ category: '', voters: 0, ballots: 0 }],
          talksOn: s.recommendation?.talks?.heldOn,
          talkCount: s.recommendation?.talks?.talkCount,
          nonCompetitiveReason: s.recommendation?.nonCompetitiveReason ?? undefined,
          candidates: s.candidates.length
            ? s.candidates.map((c) => ({
                cadreId: c.cadreId,
                postId: c.postId,
                votes: c.votes ?? undefined,
                trainingHours: c.trainingHours,
              }))
            : [{ postId: s.posts[0]?.id }],
        }}
      >
        <Space wrap>
          <Form.Item name="meetingOn" label={t('cadreSelections.rec.meetingOn')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="talksOn" label={t('cadreSelections.rec.talksOn')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="talkCount" label={t('cadreSelections.rec.talkCount')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.List name="categories">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'category']} label={t('cadreSelections.rec.category')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'voters']} label={t('cadreSelections.rec.voters')}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ballots']} label={t('cadreSelections.rec.ballots')}>
                    <InputNumber min={0} />
                  </Form.Item>
                </Space>
              ))}
              <Button size="small" onClick={() => add({ voters: 0, ballots: 0 })} style={{ marginBottom: 12 }}>
                {t('cadreSelections.rec.addCategory')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Text strong>{t('cadreSelections.rec.candidates')}</Typography.Text>
        <Form.List name="candidates">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'cadreId']} label={t('cadreSelections.rec.cadre')} rules={[{ required: true }]}>
                    <PickerSelect kind="cadre" style={{ width: 220 }} testId={`rec-cadre-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'postId']} label={t('cadreSelections.rec.post')} rules={[{ required: true }]}>
                    <Select style={{ width: 240 }} options={s.posts.map((p) => ({ value: p.id, label: `${p.unitName} ${p.title}` }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'votes']} label={t('cadreSelections.rec.votes')}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'trainingHours']} label={t('cadreSelections.rec.training')}>
                    <InputNumber min={0} step={0.5} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'exceptionalReasons']} label={t('cadreSelections.rec.exceptional')}>
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                </Space>
              ))}
              <div>
                <Button size="small" onClick={() => add({ postId: s.posts[0]?.id })} style={{ marginBottom: 12 }}>
                  {t('cadreSelections.rec.addCandidate')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Form.Item name="nonCompetitiveReason" label={t('cadreSelections.rec.nonCompetitive')}>
          <Input />
        </Form.Item>
        <Button type="primary" onClick={submit} data-testid="rec-save">
          {t('cadreSelections.rec.save')}
        </Button>
      </Form>
    </Card>
  );
}

interface InsValues {
  startedOn: string;
  team: string;
  talkedTo: number;
  report?: string;
}

function InspectionForm({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InsValues>();
  const i = s.inspection;
  return (
    <Card size="small" title={t('cadreSelections.ins.title')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startedOn: i?.startedOn ?? today(),
          team: i?.team.join('、') ?? '',
          talkedTo: i?.talkedTo ?? 0,
          report: i?.report ?? '',
        }}
      >
        <Space wrap>
          <Form.Item name="startedOn" label={t('cadreSelections.ins.startedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="team" label={t('cadreSelections.ins.team')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 280 }} data-testid="ins-team" />
          </Form.Item>
          <Form.Item name="talkedTo" label={t('cadreSelections.ins.talkedTo')}>
            <InputNumber min={0} data-testid="ins-talked" />
          </Form.Item>
        </Space>
        <Form.Item name="report" label={t('cadreSelections.ins.report')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button
          type="primary"
          data-testid="ins-save"
          onClick={async () => {
            const v = await validValues(form);
            if (!v) return;
            await run(
              recordInspection(s.id, {
                startedOn: v.startedOn,
                team: v.team.split(/[、,，\s]+/).filter(Boolean),
                talkedTo: v.talkedTo ?? 0,
                report: v.report ?? '',
              }),
            );
          }}
        >
          {t('cadreSelections.ins.save')}
        </Button>
      </Form>
    </Card>
  );
}

interface MeetValues {
  heldOn: string;
  body: (typeof MEETING_BODIES)[number];
  members: number;
  present: string[];
  votes: { candidateId: number; inFavor: number; against: number; abstain: number }[];
}

function MeetingForm({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MeetValues>();
  const active = s.candidates.filter((c) => !c.droppedReason);
  const members = Form.useWatch('members', form) ?? 0;
  const present = (Form.useWatch('present', form) ?? []).length;
  const votes = Form.useWatch('votes', form) ?? [];
  const quorum = members >= 1 && present <= members ? committeeDecision({ members, present, inFavor: 0 }) : null;
  return (
    <Card size="small" title={t('cadreSelections.meet.title')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: today(),
          body: MEETING_BODIES[0],
          members: 9,
          present: [],
          votes: active.map((c) => ({ candidateId: c.id, inFavor: 0, against: 0, abstain: 0 })),
        }}
      >
        <Space wrap>
          <Form.Item name="heldOn" label={t('cadreSelections.meet.heldOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="meet-held-on" />
          </Form.Item>
          <Form.Item name="body" label={t('cadreSelections.meet.body')}>
            <Select style={{ width: 140 }} options={MEETING_BODIES.map((b) => ({ value: b, label: b }))} />
          </Form.Item>
          <Form.Item name="members" label={t('cadreSelections.meet.members')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} data-testid="meet-members" />
          </Form.Item>
        </Space>
        <Form.Item name="present" label={t('cadreSelections.meet.present')}>
          <Select mode="tags" open={false} data-testid="meet-present" />
        </Form.Item>
        {quorum && (
          <Alert
            type={quorum.quorate ? 'success' : 'error'}
            showIcon
            data-testid="meet-quorum"
            title={t(quorum.quorate ? 'cadreSelections.meet.quorate' : 'cadreSelections.meet.notQuorate', { present, members })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.List name="votes">
          {(fields) =>
            fields.map((f, i) => {
              const inFavor = votes[i]?.inFavor ?? 0;
              const d = quorum && inFavor <= present ? committeeDecision({ members, present, inFavor }) : null;
              return (
                <Space key={f.key} wrap align="center">
                  <Typography.Text strong style={{ width: 90, display: 'inline-block' }}>
                    {active[i]?.name}
                  </Typography.Text>
                  {(['inFavor', 'against', 'abstain'] as const).map((k) => (
                    <Form.Item key={k} name={[f.name, k]} label={t(`cadreSelections.meet.${k}`)}>
                      <InputNumber min={0} data-testid={`vote-${i}-${k}`} />
                    </Form.Item>
                  ))}
                  {d && (
                    <Tag color={d.passed ? 'green' : 'red'}>
                      {d.passed ? t('cadreSelections.meet.passed') : t('cadreSelections.meet.failed')}
                    </Tag>
                  )}
                </Space>
              );
            })
          }
        </Form.List>
        <Button
          type="primary"
          data-testid="meet-save"
          onClick={async () => {
            if (!(await validValues(form))) return;
            // The candidate ids have no field of their own: read the whole store, not only the validated fields.
            const v = form.getFieldsValue(true) as MeetValues;
            await run(recordMeeting(s.id, { ...v, votes: v.votes.map((x, i) => ({ ...x, candidateId: active[i].id })) }));
          }}
        >
          {t('cadreSelections.meet.save')}
        </Button>
      </Form>
    </Card>
  );
}
