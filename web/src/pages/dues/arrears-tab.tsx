// Arrears of the subtree with warning levels, long before six consecutive months (党章第九条).
import { useState } from 'react';
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArrearsLevel } from '../../../../domain/rules/dues';
import { errorText } from '../../api/client';
import { getArrears, getDuesSettings, type TArrearsRow } from '../../api/dues';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { fenToYuan, LevelTag } from './dues-format';

const LEVELS: ArrearsLevel[] = ['none', 'notice', 'warning', 'urgent', 'lapsed'];
/** Members at this level or above: the filter shows them all. */
const atLeast = (c: Record<'notice' | 'warning' | 'urgent' | 'lapsed', number>, i: number) =>
  (['notice', 'warning', 'urgent', 'lapsed'] as const).slice(i - 1).reduce((n, l) => n + c[l], 0);

export function ArrearsTab({ orgId, onOpen }: { orgId: Id; onOpen: (id: Id) => void }) {
  const { t } = useTranslation();
  const [minLevel, setMinLevel] = useState<ArrearsLevel>('warning');
  const list = useRequest((signal) => getArrears(orgId, minLevel, signal), [orgId, minLevel]);
  const settings = useRequest(() => getDuesSettings(), []);
  const counts = list.data?.counts;

  return (
    <>
      <div className="filter-bar">
        <Space wrap>
          <span>{t('dues.arrears.minLevel')}</span>
          <Segmented<ArrearsLevel>
            value={minLevel}
            onChange={setMinLevel}
            data-testid="arrears-level"
            options={LEVELS.map((l, i) => ({
              value: l,
              label:
                l === 'none'
                  ? t('dues.arrears.all')
                  : `${t(`dues.level.${l}`)}${l === 'lapsed' ? '' : '+'}${counts ? ` ${atLeast(counts, i)}` : ''}`,
            }))}
          />
          {list.data && <Typography.Text type="secondary">{t('dues.arrears.asOf', { month: list.data.asOfMonth })}</Typography.Text>}
        </Space>
      </div>
      {settings.data && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('dues.levelHint', {
            warn: settings.data.warnMonths,
            urgent: settings.data.urgentMonths,
            lapse: settings.data.lapseMonths,
          })}
        />
      )}
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      {list.data?.truncated && (
        <Alert type="info" showIcon title={t('dues.arrears.truncated', { n: list.data.items.length })} style={{ marginBottom: 8 }} />
      )}
      <Table<TArrearsRow>
        size="small"
        rowKey="memberId"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        data-testid="arrears-table"
        columns={[
          {
            title: t('dues.sheet.name'),
            dataIndex: 'name',
            width: 110,
            render: (v: string, r) => <a onClick={() => onOpen(r.memberId)}>{v}</a>,
          },
          { title: t('dues.org'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('dues.arrears.consecutive'),
            dataIndex: 'consecutiveUnpaid',
            width: 120,
            align: 'right',
            sorter: (a, b) => a.consecutiveUnpaid - b.consecutiveUnpaid,
          },
          { title: t('dues.arrears.unpaidMonths'), dataIndex: 'unpaidMonths', width: 90, align: 'right' },
          { title: t('dues.arrears.oldest'), dataIndex: 'oldestUnpaid', width: 100 },
          {
            title: t('dues.arrears.owed'),
            dataIndex: 'owedFen',
            width: 110,
            align: 'right',
            render: fenToYuan,
            sorter: (a, b) => a.owedFen - b.owedFen,
          },
          {
            title: t('dues.sheet.status'),
            dataIndex: 'level',
            width: 110,
            render: (l: ArrearsLevel) => (l === 'none' ? <Tag>{t('dues.level.notice')}</Tag> : <LevelTag level={l} />),
          },
        ]}
      />
    </>
  );
}
