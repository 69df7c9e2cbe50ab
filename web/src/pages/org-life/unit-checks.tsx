// One unit's checks for the period: each required meeting, held / missing / due, its basis, and a way to record it.
import type { HTMLAttributes } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getUnitCompliance, type TCheck } from '../../api/org-life';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { StateTag, useKindLabel } from './compliance-format';
import type { PeriodValue } from './period-picker';

export function UnitChecks({ orgId, period }: { orgId: Id; period: PeriodValue }) {
  const { t } = useTranslation();
  const me = useMe();
  const kindLabel = useKindLabel();
  const navigate = useNavigate();
  const unit = useRequest((signal) => getUnitCompliance(orgId, period, signal), [orgId, period.period, period.key]);
  const checks = unit.data?.orgId === orgId ? unit.data.checks : [];
  const writable = can(me.roles, 'life.write');

  return (
    <div data-testid="unit-checks">
      <Space style={{ margin: '16px 0 8px' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('orgLife.unit.title')}
        </Typography.Title>
        {unit.data && unit.data.orgKind !== 'party_group' && (
          <Tag color={unit.data.hasCommittee ? 'blue' : 'default'}>
            {t(unit.data.hasCommittee ? 'orgLife.unit.committee' : 'orgLife.unit.noCommittee')}
          </Tag>
        )}
      </Space>
      {unit.error !== undefined && <Alert type="error" showIcon title={errorText(unit.error)} style={{ marginBottom: 8 }} />}
      <Table<TCheck>
        size="small"
        rowKey={(c) => `${c.kind}-${c.periodKey}`}
        loading={unit.loading}
        dataSource={checks}
        pagination={false}
        locale={{ emptyText: t('orgLife.unit.none') }}
        onRow={(c) => ({ 'data-testid': `check-${c.kind}-${c.periodKey}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('orgLife.unit.kind'), dataIndex: 'kind', width: 150, render: (k: string) => kindLabel(k) },
          { title: t('orgLife.unit.period'), dataIndex: 'periodKey', width: 100 },
          {
            title: t('orgLife.unit.window'),
            key: 'window',
            width: 200,
            render: (_v, c) => (
              <span className="mono">
                {c.from} ~ {c.to}
              </span>
            ),
          },
          { title: t('orgLife.unit.state'), dataIndex: 'state', width: 90, render: (s: TCheck['state']) => <StateTag state={s} /> },
          {
            title: t('orgLife.unit.count'),
            key: 'count',
            width: 120,
            render: (_v, c) => (
              <Space size={4}>
                {c.heldCount}
                {c.lateCount > 0 && <Tag color="orange">{t('orgLife.unit.late', { n: c.lateCount })}</Tag>}
              </Space>
            ),
          },
          { title: t('orgLife.unit.article'), dataIndex: 'article', ellipsis: { showTitle: true } },
          {
            title: t('orgLife.unit.action'),
            key: 'action',
            width: 110,
            render: (_v, c) =>
              c.state === 'held' ? (
                <Link to={`/meetings?orgId=${orgId}`}>{t('orgLife.unit.view')}</Link>
              ) : (
                writable && (
                  <Button
                    size="small"
                    type={c.state === 'missing' ? 'primary' : 'default'}
                    icon={<EditOutlined />}
                    data-testid={`record-${c.kind}-${c.periodKey}`}
                    onClick={() => navigate(`/meetings?record=${c.kind}&orgId=${orgId}`)}
                  >
                    {t('orgLife.unit.record')}
                  </Button>
                )
              ),
          },
        ]}
      />
    </div>
  );
}
