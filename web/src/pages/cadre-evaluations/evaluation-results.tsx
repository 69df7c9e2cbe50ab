// The results of a closed evaluation: per person, each item's answers by voter category with the score
// and rates, the item over all categories, the person's weighted total; printable and exported to Excel.
import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { OVERALL_ITEM, RATE_LABELS } from '../../../../domain/rules/democratic-evaluation';
import { evaluationResults, exportResults, type TEvaluationResults, type TTally } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { useAnswerLabels } from './labels';

type Subject = TEvaluationResults['subjects'][number];
const fmt = (x: number | null) => (x === null ? '—' : String(x));

function SubjectTable({ s, r }: { s: Subject; r: TEvaluationResults }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { option } = useAnswerLabels();
  const cats = r.evaluation.categories;
  const row = (item: Subject['items'][number], label: string, tally: TTally, first: boolean, span: number) => (
    <tr key={`${item.key}-${label}`}>
      {first && (
        <td rowSpan={span} className="left">
          {item.key === OVERALL_ITEM ? t('cadreEvaluations.vote.team') : item.label}
          {s.kind === 'cadre' ? ` (${item.weight})` : ''}
        </td>
      )}
      <td className="left">{label}</td>
      <td>{tally.answered}</td>
      <td className="left">
        {Object.entries(tally.counts)
          .map(([k, n]) => `${option(item.set, k)} ${n}`)
          .join('，')}
      </td>
      <td>{fmt(tally.score)}</td>
      <td>{fmt(tally.topRate)}</td>
      <td>{item.set === 'approval' ? '—' : fmt(tally.acceptableRate)}</td>
    </tr>
  );
  const set = s.items[0]?.set ?? 'grade';
  return (
    <div style={{ breakInside: 'avoid' }}>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {s.name} <Typography.Text type="secondary">{s.title}</Typography.Text> · {t('cadreEvaluations.results.total')}{' '}
        <span data-testid="evaluation-total">{fmt(s.total)}</span>
      </Typography.Title>
      <table className="evaluation-results-table">
        <thead>
          <tr>
            <th className="left">{t('cadreEvaluations.results.item')}</th>
            <th className="left">{t('cadreEvaluations.results.category')}</th>
            <th>{t('cadreEvaluations.results.answered')}</th>
            <th className="left">{t('cadreEvaluations.results.counts')}</th>
            <th>{t('cadreEvaluations.results.score')}</th>
            <th>{RATE_LABELS[set].top[lang]} %</th>
            <th>{RATE_LABELS[set].acceptable[lang]} %</th>
          </tr>
        </thead>
        <tbody>
          {s.items.flatMap((item) => [
            ...cats.map((c, i) => row(item, c.name, item.byCategory[c.key], i === 0, cats.length + 1)),
            row(item, t('cadreEvaluations.results.all'), item.all, false, 0),
          ])}
        </tbody>
      </table>
    </div>
  );
}

export function EvaluationResultsView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const res = useRequest((signal) => evaluationResults(id, signal), [id]);
  const [exporting, setExporting] = useState(false);
  const r = res.data;
  if (res.error) return <Alert type="error" showIcon message={errorText(res.error)} />;
  if (!r) return <div className="page-card">{t('common.loading')}</div>;
  const ballots = r.evaluation.categories.map((c) => `${c.name} ${r.ballotsByCategory[c.key] ?? 0}`).join('，');
  return (
    <div className="page-card evaluation-printable">
      <Space className="no-print" style={{ marginBottom: 8 }}>
        <Button type="link" onClick={() => navigate('..')} style={{ paddingLeft: 0 }}>
          {t('cadreEvaluations.back')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('cadreEvaluations.results.print')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
          {t('cadreEvaluations.results.export')}
        </Button>
      </Space>
      <Typography.Title level={4}>
        {r.evaluation.title} · {t('cadreEvaluations.results.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="evaluation-ballots">
        {t('cadreEvaluations.results.ballots', { text: ballots })}
      </Typography.Paragraph>
      {r.subjects.map((s) => (
        <SubjectTable key={s.seq} s={s} r={r} />
      ))}
      {exporting && (
        <ExportPurposeModal
          title={t('cadreEvaluations.results.exportTitle')}
          notice={t('cadreEvaluations.results.exportNotice')}
          placeholder={t('cadreEvaluations.results.exportPlaceholder')}
          onExport={(purpose) => exportResults(id, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
