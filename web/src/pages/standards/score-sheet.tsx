// The checklist as a score sheet: items grouped by category, each with its guide and maximum, an
// optional read-only column to compare with (the self scores while reviewing), the scores being
// entered, and a running total with the stars it would give.
import { Input, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SCORE_STEP,
  starsFor,
  totalScore,
  type ScoreSheet,
  type StandardItem,
  type StarThreshold,
} from '../../../../domain/rules/standards';
import type { TScoreInput } from '../../api/standards';
import { StarTag } from './star-tag';

interface Props {
  items: StandardItem[];
  thresholds: StarThreshold[];
  value: TScoreInput;
  onChange?: (v: TScoreInput) => void;
  scoreTitle: string;
  compare?: { title: string; sheet: ScoreSheet };
}

export function ScoreSheetTable({ items, thresholds, value, onChange, scoreTitle, compare }: Props) {
  const { t } = useTranslation();
  const editable = !!onChange;
  const set = (code: string, patch: { score?: number | null; note?: string }) =>
    onChange?.({ ...value, [code]: { ...value[code], ...patch } });
  // Items of a category sit together; the category cell spans them.
  const rows = [...items].sort((a, b) => categoryOrder(items, a) - categoryOrder(items, b));
  const span = (i: number) => {
    if (i > 0 && rows[i - 1].category === rows[i].category) return 0;
    let n = 1;
    while (i + n < rows.length && rows[i + n].category === rows[i].category) n++;
    return n;
  };
  const total = totalScore(items, value as ScoreSheet);
  const unscored = items.filter((i) => value[i.code]?.score == null).length;

  return (
    <>
      <Table<StandardItem>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        data-testid="score-sheet"
        columns={[
          { title: t('standards.sheet.category'), dataIndex: 'category', width: 90, onCell: (_r, i) => ({ rowSpan: span(i ?? 0) }) },
          {
            title: t('standards.sheet.item'),
            key: 'item',
            render: (_v, r) => (
              <>
                <div>{r.title}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.guide}
                </Typography.Text>
              </>
            ),
          },
          { title: t('standards.sheet.max'), dataIndex: 'maxScore', width: 60, align: 'right' },
          ...(compare
            ? [
                {
                  title: compare.title,
                  key: 'compare',
                  width: 80,
                  align: 'right' as const,
                  render: (_v: unknown, r: StandardItem) => compare.sheet[r.code]?.score ?? '—',
                },
              ]
            : []),
          {
            title: scoreTitle,
            key: 'score',
            width: 110,
            render: (_v, r) =>
              editable ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={r.maxScore}
                  step={SCORE_STEP}
                  precision={1}
                  style={{ width: 90 }}
                  value={value[r.code]?.score ?? null}
                  onChange={(v) => set(r.code, { score: v })}
                  data-testid={`score-${r.code}`}
                />
              ) : (
                (value[r.code]?.score ?? '—')
              ),
          },
          {
            title: t('standards.sheet.note'),
            key: 'note',
            width: 260,
            render: (_v, r) =>
              editable ? (
                <Input
                  size="small"
                  count={{ max: 500 }}
                  placeholder={t('standards.sheet.notePlaceholder')}
                  value={value[r.code]?.note ?? ''}
                  onChange={(e) => set(r.code, { note: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">{value[r.code]?.note ?? compare?.sheet[r.code]?.note ?? ''}</Typography.Text>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }} data-testid="score-total">
        <Typography.Text strong>{t('standards.sheet.total', { total })}</Typography.Text>
        <span>{t('standards.sheet.wouldGive')}</span>
        <StarTag stars={starsFor(total, thresholds)} />
        {unscored > 0 && <Typography.Text type="warning">{t('standards.sheet.unscored', { n: unscored })}</Typography.Text>}
      </Space>
    </>
  );
}

function categoryOrder(items: StandardItem[], item: StandardItem): number {
  return items.findIndex((i) => i.category === item.category);
}
