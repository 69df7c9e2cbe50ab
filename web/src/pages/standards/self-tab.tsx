// 自评: a branch scores itself item by item (a draft it may save any time), then submits it to the
// higher organization. A returned assessment comes back here with the reviewer's note.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BRANCH_KINDS, type OrgKind } from '../../../../domain/org-kinds';
import { errorText } from '../../api/client';
import { getAssessment, saveAssessment, submitAssessment, type TAssessmentView, type TScoreInput } from '../../api/standards';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { FirstScreenPrompt } from '../../components/first-screen-prompt';
import { ScoreSheetTable } from './score-sheet';
import { StarTag, useStarLabel } from './star-tag';
import { thisYear, YearSelect } from './year-select';
import { STATUS_COLOR } from './status';

export function SelfTab({ orgId, onRatings }: { orgId: Id; onRatings: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { star } = useStarLabel();
  const [year, setYear] = useState(thisYear());
  const [scores, setScores] = useState<TScoreInput>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const view = useRequest((signal) => getAssessment(orgId, year, signal), [orgId, year]);
  const v = view.data;
  const a = v?.assessment;

  useEffect(() => {
    setScores((a?.selfScores as TScoreInput | undefined) ?? {});
    setNote(a?.selfNote ?? '');
  }, [a]);

  const run = async (work: () => Promise<TAssessmentView>, done: string) => {
    setBusy(true);
    try {
      view.setData(await work());
      void message.success(done);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => saveAssessment(orgId, { year, scores, note: note.trim() || undefined, version: a?.version });
  const submit = () =>
    run(async () => {
      const saved = await save();
      return submitAssessment(saved.assessment!.id, saved.assessment!.version);
    }, t('standards.self.submitted'));

  const header = (
    <div className="filter-bar">
      <YearSelect value={year} onChange={(y) => y && setYear(y)} testId="self-year" />
      {v && (
        <Tag color={STATUS_COLOR[a?.status ?? 'none']} data-testid="self-status">
          {t(`standards.status.${a?.status ?? 'none'}`)}
        </Tag>
      )}
      {v && (
        <Typography.Text type="secondary">
          {t('standards.self.checklist', { name: v.checklist.name, from: v.checklist.effectiveFrom })}
        </Typography.Text>
      )}
      <span style={{ flex: 1 }} />
      {v && v.history.length > 0 && (
        <Space size={4}>
          <span>{t('standards.self.history')}</span>
          {v.history.map((h) => (
            <span key={h.year} title={`${h.reviewTotal ?? ''}`}>
              {h.year} <StarTag stars={h.stars} />
            </span>
          ))}
        </Space>
      )}
    </div>
  );
  if (view.error !== undefined)
    return (
      <>
        {header}
        <Alert type="error" showIcon title={errorText(view.error)} />
      </>
    );
  if (!v)
    return (
      <>
        {header}
        <Spin />
      </>
    );
  if (!BRANCH_KINDS.includes(v.org.kind as OrgKind)) {
    return (
      <>
        {header}
        <FirstScreenPrompt
          message={t('standards.notBranch')}
          action={
            <Button size="small" onClick={onRatings} data-testid="standards-see-ratings">
              {t('standards.seeRatings')}
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      {a?.status === 'returned' && (
        <Alert type="warning" showIcon title={t('standards.self.returned', { note: a.reviewNote ?? '' })} style={{ marginBottom: 8 }} />
      )}
      {a?.status === 'submitted' && <Alert type="info" showIcon title={t('standards.self.submitted')} style={{ marginBottom: 8 }} />}
      {a?.status === 'reviewed' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('standards.self.reviewed', { org: a.reviewerOrgName ?? '', total: a.reviewTotal ?? '', stars: star(a.stars) })}
          description={a.reviewNote}
        />
      )}
      {!v.canEdit && a?.status !== 'submitted' && a?.status !== 'reviewed' && (
        <Alert type="info" showIcon title={t('standards.self.readOnly')} style={{ marginBottom: 8 }} />
      )}
      <ScoreSheetTable
        items={v.checklist.items}
        thresholds={v.checklist.starThresholds}
        value={scores}
        onChange={v.canEdit ? setScores : undefined}
        scoreTitle={t('standards.sheet.self')}
        compare={a?.reviewScores && a.status !== 'draft' ? { title: t('standards.sheet.review'), sheet: a.reviewScores } : undefined}
      />
      <Input.TextArea
        style={{ marginTop: 8 }}
        rows={2}
        count={{ max: 1000 }}
        placeholder={t('standards.self.note')}
        value={note}
        disabled={!v.canEdit}
        onChange={(e) => setNote(e.target.value)}
      />
      {v.canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button loading={busy} onClick={() => run(save, t('common.saved'))} data-testid="self-save">
            {t('standards.self.save')}
          </Button>
          <Popconfirm
            title={t('standards.self.submitConfirm')}
            onConfirm={submit}
            okButtonProps={{ 'data-testid': 'self-submit-ok' } as never}
          >
            <Button type="primary" loading={busy} data-testid="self-submit">
              {t('standards.self.submit')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </>
  );
}
