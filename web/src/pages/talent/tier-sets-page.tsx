// 人才层次目录: the tier sets with their effective dates (the set in force, superseded ones kept visible),
// each with its tiers (card years, expert review) and review criteria; a new set for talent.config.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { listTierSets, type TTierSet } from '../../api/talent';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { TierSetForm } from './tier-set-form';

function SetCard({ s }: { s: TTierSet }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const tag = s.inForce ? (
    <Tag color="green">{t('talent.tierSets.inForce')}</Tag>
  ) : s.effectiveOn > today ? (
    <Tag color="blue">{t('talent.tierSets.upcoming')}</Tag>
  ) : (
    <Tag>{t('talent.tierSets.superseded', { date: (s.supersededOn ?? '').slice(0, 10) })}</Tag>
  );
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{`${s.name} (${s.code})`}</span>
          {tag}
        </Space>
      }
      style={{ marginBottom: 12, opacity: s.inForce ? 1 : 0.85 }}
      data-testid={`tier-set-${s.code}`}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('talent.tierSets.effectiveOn')}>{s.effectiveOn.slice(0, 10)}</Descriptions.Item>
        <Descriptions.Item label={t('talent.tierSets.publicityDays')}>{s.publicityDays}</Descriptions.Item>
        <Descriptions.Item label={t('talent.tierSets.source')}>{s.source}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.tiers}
        scroll={{ x: 600 }}
        title={() => t('talent.tierSets.tiers')}
        columns={[
          { title: t('talent.tierSets.code'), dataIndex: 'code', width: 70 },
          { title: t('talent.tierSets.name'), dataIndex: 'name', width: 130 },
          { title: t('talent.tierSets.cardYears'), dataIndex: 'cardYears', width: 130 },
          {
            title: t('talent.tierSets.expertReview'),
            dataIndex: 'expertReview',
            width: 110,
            render: (v: boolean) => (v ? t('talent.tierSets.yes') : t('talent.tierSets.no')),
          },
          { title: t('talent.tierSets.description'), dataIndex: 'description', render: (v: string) => v || '—' },
        ]}
      />
      {s.criteria.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {t('talent.tierSets.criteria')}
          </Typography.Text>
          {s.criteria.map((c) => (
            <Tag key={c.code}>{`${c.name} ${c.weight}%`}</Tag>
          ))}
        </div>
      )}
    </Card>
  );
}

export default function TierSetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const req = useRequest((s) => listTierSets(s), []);
  const [creating, setCreating] = useState(false);
  const sets = [...(req.data?.items ?? [])].sort(
    (a, b) => Number(b.inForce) - Number(a.inForce) || b.effectiveOn.localeCompare(a.effectiveOn),
  );
  return (
    <div className="page-card" data-testid="talent-tier-sets">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('talent.tierSets.title')}
        </Typography.Title>
        {can(me.roles, 'talent.config') && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="tier-set-create">
            {t('talent.tierSets.create')}
          </Button>
        )}
      </div>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {sets.map((s) => (
        <SetCard key={s.id} s={s} />
      ))}
      {creating && (
        <TierSetForm
          onClose={() => setCreating(false)}
          onCreated={(items) => {
            req.setData(items);
            setCreating(false);
          }}
        />
      )}
    </div>
  );
}
