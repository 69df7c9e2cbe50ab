// Shared pieces of the 学时 pages: the year's progress against the requirement, hours by source, and the
// records as a list that reads on a 375-px phone (no wide table).
import { Alert, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TArchive } from '../../api/learning-hours';
import { CREDIT_SOURCES } from '../../../../domain/schemas/learning-hours';

export function HoursSummary({ a }: { a: TArchive }) {
  const { t } = useTranslation();
  const pct = a.required > 0 ? Math.min(100, Math.round((a.total / a.required) * 100)) : 100;
  return (
    <div data-testid="hours-summary">
      <Space align="baseline" wrap>
        <Typography.Text strong style={{ fontSize: 24 }} data-testid="hours-total">
          {a.total}
        </Typography.Text>
        <Typography.Text type="secondary">/ {t('learningHours.hub.required', { hours: a.required })}</Typography.Text>
      </Space>
      <Progress percent={pct} status={a.shortfall === 0 ? 'success' : 'active'} showInfo={false} />
      <Typography.Text type={a.shortfall === 0 ? 'success' : 'warning'}>
        {a.shortfall === 0 ? t('learningHours.me.done') : `${t('learningHours.me.shortfall')} ${a.shortfall}`}
      </Typography.Text>
      {a.onlineFloor > 0 && (
        <div>
          <Typography.Text type="secondary">
            {t('learningHours.me.online', { online: a.onlineTotal, floor: a.onlineFloor })}
          </Typography.Text>
        </div>
      )}
      {a.pending > 0 && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('learningHours.me.pending', { hours: a.pending })} />}
    </div>
  );
}

export function BySource({ a }: { a: TArchive }) {
  const { t } = useTranslation();
  return (
    <div className="hours-by-source" data-testid="hours-by-source">
      {CREDIT_SOURCES.map((s) => (
        <div key={s} className="hours-by-source-item">
          <Typography.Text type="secondary">{t(`learningHours.source.${s}`)}</Typography.Text>
          <Typography.Text strong>{a.bySource[s]}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

export function CreditList({ a }: { a: TArchive }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      locale={{ emptyText: t('learningHours.me.noRecords') }}
      dataSource={a.credits}
      renderItem={(c) => (
        <List.Item>
          <div style={{ minWidth: 0, width: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }} delete={c.duplicateOf != null || c.status === 'rejected'}>
                {c.title}
              </Typography.Text>
              <Typography.Text strong>{c.hours}</Typography.Text>
            </div>
            <Space size={4} wrap>
              <Typography.Text type="secondary">{c.earnedOn}</Typography.Text>
              <Tag>{t(`learningHours.source.${c.source}`)}</Tag>
              {c.status !== 'approved' && (
                <Tag color={c.status === 'pending' ? 'blue' : 'red'}>{t(`learningHours.status.${c.status}`)}</Tag>
              )}
              {c.duplicateOf != null && <Tag>{t('learningHours.me.duplicate')}</Tag>}
              {c.late && <Tag color="orange">{t('learningHours.me.late')}</Tag>}
            </Space>
          </div>
        </List.Item>
      )}
    />
  );
}

export function Basis({ a }: { a: TArchive }) {
  const { t } = useTranslation();
  if (!a.sources.length) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
      {t('learningHours.me.basis')}：
      {a.sources.map((s, i) => (
        <span key={s}>
          {s}
          {a.tags[i] === 'R' ? t('learningHours.me.recalled') : ''}
          {i < a.sources.length - 1 ? '；' : ''}
        </span>
      ))}
    </Typography.Paragraph>
  );
}
