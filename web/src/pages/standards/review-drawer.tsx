// One assessment under review: the self scores beside the review scores (pre-filled with them), the
// running total and stars, a note; rate it or return it (a return needs the note).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Input, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getAssessment, reviewAssessment, type TScoreInput } from '../../api/standards';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { ScoreSheetTable } from './score-sheet';
import { useStarLabel } from './star-tag';

export function ReviewDrawer({
  orgId,
  orgName,
  year,
  onClose,
}: {
  orgId: Id;
  orgName: string;
  year: number;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { star } = useStarLabel();
  const view = useRequest((signal) => getAssessment(orgId, year, signal), [orgId, year]);
  const [scores, setScores] = useState<TScoreInput>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const a = view.data?.assessment;

  useEffect(() => {
    if (a) setScores((a.reviewScores ?? a.selfScores) as TScoreInput);
  }, [a]);

  const decide = async (decision: 'rate' | 'return') => {
    if (!a) return;
    if (decision === 'return' && !note.trim()) {
      void message.warning(t('standards.review.returnNeedsNote'));
      return;
    }
    setBusy(true);
    try {
      const v = await reviewAssessment(a.id, { decision, scores, note: note.trim() || undefined, version: a.version });
      view.setData(v);
      setChanged(true);
      void message.success(
        decision === 'rate' ? t('standards.review.rated', { stars: star(v.assessment?.stars) }) : t('standards.review.returnedDone'),
      );
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const v = view.data;
  return (
    <Drawer
      open
      width={1100}
      title={t('standards.review.title', { org: orgName, year })}
      onClose={() => onClose(changed)}
      destroyOnHidden
      data-testid="review-drawer"
    >
      {view.error !== undefined && <Alert type="error" showIcon title={errorText(view.error)} />}
      {!v && view.error === undefined && <Spin />}
      {v && a && (
        <>
          {a.selfNote && <Alert type="info" showIcon title={a.selfNote} style={{ marginBottom: 8 }} />}
          <ScoreSheetTable
            items={v.checklist.items}
            thresholds={v.checklist.starThresholds}
            value={scores}
            onChange={v.canReview ? setScores : undefined}
            scoreTitle={t('standards.sheet.review')}
            compare={{ title: t('standards.sheet.self'), sheet: a.selfScores }}
          />
          {v.canReview ? (
            <>
              <Input.TextArea
                style={{ marginTop: 8 }}
                rows={2}
                count={{ max: 1000 }}
                placeholder={t('standards.review.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="review-note"
              />
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" loading={busy} onClick={() => decide('rate')} data-testid="review-rate">
                  {t('standards.review.rate')}
                </Button>
                <Button danger loading={busy} onClick={() => decide('return')} data-testid="review-return">
                  {t('standards.review.return')}
                </Button>
              </Space>
            </>
          ) : (
            a.reviewNote && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                {t('standards.review.note')}：{a.reviewNote}
              </Typography.Paragraph>
            )
          )}
        </>
      )}
    </Drawer>
  );
}
