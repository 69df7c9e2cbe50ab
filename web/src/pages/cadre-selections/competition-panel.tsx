// 竞争上岗 at the 民主推荐 step: sign-up, the qualification review by the eligibility rule (a refusal names the rule
// and article), written exam and interview scores with the rank per post, the 民主测评 reference, and the choice of
// the applicants who go on to 考察.
import { useState } from 'react';
import { Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  chooseApplicants,
  reviewApplicant,
  scoreApplicant,
  signUpApplicant,
  type TApplicant,
  type TSelection,
} from '../../api/cadre-selections';
import { PickerSelect } from './parts';
import type { Run } from './selection-detail';

export function CompetitionPanel({ s, run }: { s: TSelection; run: Run }) {
  const { t } = useTranslation();
  const [cadreId, setCadreId] = useState<number>();
  const [postId, setPostId] = useState<number | undefined>(s.posts[0]?.id);
  const [chosen, setChosen] = useState<number[]>(s.applicants.filter((a) => a.chosen).map((a) => a.id));
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [scores, setScores] = useState<Record<number, { w?: number; i?: number; e?: string }>>({});
  const sc = (a: TApplicant) =>
    scores[a.id] ?? { w: a.writtenScore ?? undefined, i: a.interviewScore ?? undefined, e: a.evaluationNote ?? '' };
  const setSc = (a: TApplicant, v: Partial<{ w: number; i: number; e: string }>) => setScores({ ...scores, [a.id]: { ...sc(a), ...v } });
  return (
    <Card size="small" title={t('cadreSelections.comp.title')} style={{ marginBottom: 12 }} data-testid="competition">
      <Typography.Paragraph type="secondary">{s.competitionArticle}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <PickerSelect kind="cadre" value={cadreId} onChange={(v) => setCadreId(v as number)} style={{ width: 240 }} testId="comp-cadre" />
        <Select
          value={postId}
          onChange={setPostId}
          style={{ width: 240 }}
          options={s.posts.map((p) => ({ value: p.id, label: `${p.unitName} ${p.title}` }))}
        />
        <Button
          disabled={!cadreId || !postId}
          data-testid="comp-signup"
          onClick={() => run(signUpApplicant(s.id, { cadreId: cadreId!, postId: postId!, signedUpOn: dayjs().format('YYYY-MM-DD') }))}
        >
          {t('cadreSelections.comp.signUp')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.applicants}
        columns={[
          {
            title: t('cadreSelections.comp.choose'),
            width: 60,
            render: (_, a) => (
              <Checkbox
                disabled={a.qualified !== true || a.total === null}
                checked={chosen.includes(a.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
              />
            ),
          },
          { title: t('cadreSelections.comp.name'), render: (_, a) => `${a.name}（${a.currentTitle}）` },
          { title: t('cadreSelections.comp.post'), dataIndex: 'postTitle' },
          {
            title: t('cadreSelections.comp.review'),
            render: (_, a) =>
              a.qualified === null ? (
                <Space.Compact>
                  <Button size="small" onClick={() => run(reviewApplicant(s.id, { applicantId: a.id, qualified: true }))}>
                    {t('cadreSelections.comp.pass')}
                  </Button>
                  <Input
                    size="small"
                    style={{ width: 120 }}
                    placeholder={t('cadreSelections.comp.failNote')}
                    value={notes[a.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })}
                  />
                  <Button
                    size="small"
                    danger
                    onClick={() => run(reviewApplicant(s.id, { applicantId: a.id, qualified: false, note: notes[a.id] }))}
                  >
                    {t('cadreSelections.comp.fail')}
                  </Button>
                </Space.Compact>
              ) : (
                <Tag color={a.qualified ? 'green' : 'red'}>
                  {a.qualified ? t('cadreSelections.comp.qualified') : `${t('cadreSelections.comp.notQualified')} ${a.reviewNote ?? ''}`}
                </Tag>
              ),
          },
          {
            title: t('cadreSelections.comp.scores'),
            render: (_, a) =>
              a.qualified ? (
                <Space.Compact>
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    placeholder={t('cadreSelections.comp.written')}
                    value={sc(a).w}
                    onChange={(v) => setSc(a, { w: v ?? undefined })}
                  />
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    placeholder={t('cadreSelections.comp.interview')}
                    value={sc(a).i}
                    onChange={(v) => setSc(a, { i: v ?? undefined })}
                  />
                  <Input
                    size="small"
                    style={{ width: 120 }}
                    placeholder={t('cadreSelections.comp.evaluation')}
                    value={sc(a).e}
                    onChange={(e) => setSc(a, { e: e.target.value })}
                  />
                  <Button
                    size="small"
                    onClick={() =>
                      run(
                        scoreApplicant(s.id, {
                          applicantId: a.id,
                          writtenScore: sc(a).w ?? null,
                          interviewScore: sc(a).i ?? null,
                          evaluationNote: sc(a).e || null,
                        }),
                      )
                    }
                  >
                    {t('cadreSelections.comp.saveScores')}
                  </Button>
                </Space.Compact>
              ) : null,
          },
          {
            title: t('cadreSelections.comp.total'),
            render: (_, a) => (a.total === null ? '' : `${a.total}（${t('cadreSelections.comp.rank', { rank: a.rank })}）`),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={chosen.length === 0}
        data-testid="comp-choose"
        onClick={() => run(chooseApplicants(s.id, { applicantIds: chosen }))}
      >
        {t('cadreSelections.comp.chooseSave', { n: chosen.length })}
      </Button>
    </Card>
  );
}
