// The parts of a 人才分类认定 the office and the experts both read: the category and basis claimed, the résumé,
// the evidence, the review trail, the expert panel (scores as the server returns them: sealed until all are in)
// and the objections during 公示.
import { App, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { downloadEvidence, type TRecognition } from '../../api/talent';
import { formatTime } from '../../lib/dates';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** `asExpert`: the expert's page downloads through the expert's route (their assignment is checked). */
export function RecognitionClaim({ r, asExpert = false }: { r: TRecognition; asExpert?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fetchFile = (d: TRecognition['documents'][number]) =>
    downloadEvidence(r.id, d.id, d.fileName, asExpert).catch((e: unknown) => void message.error(errorText(e)));
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('talent.recognition.col.tier')}>{r.tierName}</Descriptions.Item>
        <Descriptions.Item label={t('talent.recognition.col.employer')}>{r.employerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('talent.recognition.col.channel')}>{t(`talent.recognition.channel.${r.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('talent.recognition.col.submittedAt')}>{formatTime(r.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('talent.recognition.basis')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.basis}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('talent.recognition.resume')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.resume || '—'}</div>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('talent.recognition.evidence')}
        locale={{ emptyText: t('talent.recognition.noEvidence') }}
        dataSource={r.documents}
        style={{ marginBottom: 12 }}
        data-testid="recognition-evidence"
        columns={[
          {
            title: t('talent.recognition.fileName'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (v: string, d) => (
              <Typography.Link onClick={() => void fetchFile(d)} data-testid="evidence-download">
                {v}
              </Typography.Link>
            ),
          },
          { title: t('talent.recognition.kind'), dataIndex: 'kind', width: 120, ellipsis: true },
          { title: t('talent.recognition.size'), dataIndex: 'sizeBytes', width: 90, render: (v: number) => kb(v) },
          { title: t('talent.recognition.at'), dataIndex: 'uploadedAt', width: 160, render: (v: string) => formatTime(v) },
        ]}
      />
    </>
  );
}

export function RecognitionTrail({ r }: { r: TRecognition }) {
  const { t } = useTranslation();
  const stepLabel = (s: string) =>
    s === 'submit' || s === 'resubmit' ? t(`talent.recognition.step.${s}`) : t(`talent.recognition.status.${s}`, { defaultValue: s });
  return (
    <Table
      size="small"
      rowKey={(s) => `${s.at}-${s.step}-${s.outcome}`}
      pagination={false}
      title={() => t('talent.recognition.trail')}
      dataSource={r.steps}
      scroll={{ x: 640 }}
      style={{ marginBottom: 12 }}
      data-testid="recognition-trail"
      columns={[
        { title: t('talent.recognition.at'), dataIndex: 'at', width: 160, render: (v: string) => formatTime(v) },
        { title: t('talent.recognition.col.status'), dataIndex: 'step', width: 110, render: stepLabel },
        { title: t('talent.recognition.by'), dataIndex: 'userName', width: 110, render: (v: string | null) => v ?? '—' },
        {
          title: t('talent.recognition.outcomeCol'),
          dataIndex: 'outcome',
          width: 110,
          render: (v: string) => t(`talent.recognition.outcome.${v}`, { defaultValue: v }),
        },
        { title: t('talent.recognition.reason'), dataIndex: 'reason', render: (v: string) => v || '—' },
      ]}
    />
  );
}

export function ExpertPanel({ r }: { r: TRecognition }) {
  const { t } = useTranslation();
  if (!r.expertReview && r.experts.length === 0) return null;
  const sealed = r.experts.some((e) => !e.scored);
  return (
    <Table
      size="small"
      rowKey="expertId"
      pagination={false}
      title={() => (
        <span>
          {t('talent.recognition.experts')}
          {r.expertScore !== null && ` · ${t('talent.recognition.average')} ${r.expertScore}`}
          {sealed && <span className="muted">{` · ${t('talent.recognition.scoresSealed')}`}</span>}
        </span>
      )}
      dataSource={r.experts}
      scroll={{ x: 520 }}
      style={{ marginBottom: 12 }}
      data-testid="recognition-expert-panel"
      columns={[
        { title: t('talent.recognition.experts'), dataIndex: 'name', width: 110 },
        {
          title: '',
          dataIndex: 'scored',
          width: 80,
          render: (v: boolean) => (
            <Tag color={v ? 'green' : 'default'}>{v ? t('talent.recognition.scored') : t('talent.recognition.pending')}</Tag>
          ),
        },
        ...r.criteria.map((c) => ({
          title: `${c.name} (${c.weight}%)`,
          key: c.code,
          width: 100,
          render: (_v: unknown, e: TRecognition['experts'][number]) => e.scores?.[c.code] ?? '—',
        })),
        { title: t('talent.recognition.total'), dataIndex: 'total', width: 70, render: (v: number | null) => v ?? '—' },
        { title: t('talent.recognition.opinion'), dataIndex: 'opinion', render: (v: string | null) => v || '—' },
      ]}
    />
  );
}

export function ObjectionList({ r }: { r: TRecognition }) {
  const { t } = useTranslation();
  if (r.status !== 'publicity' && r.objections.length === 0 && !r.publicityFrom) return null;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      title={() => t('talent.recognition.objections')}
      locale={{ emptyText: t('talent.recognition.noObjections') }}
      dataSource={r.objections}
      style={{ marginBottom: 12 }}
      data-testid="recognition-objections"
      columns={[
        { title: t('talent.recognition.receivedOn'), dataIndex: 'receivedOn', width: 110, render: (v: string) => v.slice(0, 10) },
        { title: t('talent.recognition.content'), dataIndex: 'content' },
        { title: t('talent.recognition.handling'), dataIndex: 'handling' },
      ]}
    />
  );
}

export function RecognitionResult({ r }: { r: TRecognition }) {
  const { t } = useTranslation();
  if (r.status !== 'granted' && r.status !== 'refused') return null;
  return (
    <Card size="small" title={t('talent.recognition.result')} style={{ marginBottom: 12 }} data-testid="recognition-result">
      {r.status === 'granted' ? (
        <Space wrap>
          <span>{t('talent.recognition.granted', { tier: r.tierName })}</span>
          {r.decidedOn && <span className="muted">{r.decidedOn.slice(0, 10)}</span>}
          <Link to={`/talent/people/${r.personId}`}>{t('talent.recognition.viewPerson')}</Link>
        </Space>
      ) : (
        <span>{t('talent.recognition.refused', { reason: r.reason || '—' })}</span>
      )}
    </Card>
  );
}
