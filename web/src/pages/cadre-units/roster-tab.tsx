// 干部配备一览表: one line per post, the unit spanning its posts; per post the quota, the people holding it
// now (age, 任职时间, years in post, concurrent), over-quota and vacant flagged; per unit the principal
// and deputy totals. A unit's name opens its team. Paged by unit (keyset), exported to Excel.
import { useMemo, useState } from 'react';
import { Alert, Button, Radio, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { exportRoster, getRoster, type TRosterPost, type TRosterUnit } from '../../api/cadre-units';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import type { TUnitFilter } from '../../api/cadre-units';

interface RosterLine {
  key: string;
  unit: TRosterUnit;
  post: TRosterPost | null;
  span: number;
}

export function RosterTab({ filter }: { filter: TUnitFilter }) {
  const { t } = useTranslation();
  const me = useMe();
  const [flag, setFlag] = useState<'over' | 'vacant' | undefined>();
  const [pages, setPages] = useState<TRosterUnit[][]>([]);
  const [exporting, setExporting] = useState(false);
  const [next, setNext] = useState<string | null | undefined>();
  const first = useRequest(
    (signal) =>
      getRoster({ ...filter, flag, limit: 50 }, signal).then((p) => {
        setPages([p.items]);
        setNext(undefined);
        return p;
      }),
    [filter, flag],
  );
  const cursor = next === undefined ? first.data?.nextCursor : next;
  const loadMore = async () => {
    if (!cursor) return;
    const p = await getRoster({ ...filter, flag, limit: 50, cursor });
    setPages((ps) => [...ps, p.items]);
    setNext(p.nextCursor);
  };

  const lines = useMemo<RosterLine[]>(
    () =>
      pages
        .flat()
        .flatMap((unit): RosterLine[] =>
          unit.posts.length === 0
            ? [{ key: `u${unit.unit.id}`, unit, post: null, span: 1 }]
            : unit.posts.map((post, i) => ({ key: `p${post.id}`, unit, post, span: i === 0 ? unit.posts.length : 0 })),
        ),
    [pages],
  );

  return (
    <>
      <div className="filter-bar">
        <Radio.Group
          value={flag ?? 'all'}
          onChange={(e) => setFlag(e.target.value === 'all' ? undefined : e.target.value)}
          optionType="button"
        >
          <Radio.Button value="all">{t('cadreUnits.flag.all')}</Radio.Button>
          <Radio.Button value="over">{t('cadreUnits.flag.over')}</Radio.Button>
          <Radio.Button value="vacant">{t('cadreUnits.flag.vacant')}</Radio.Button>
        </Radio.Group>
        <span style={{ flex: 1 }} />
        {first.data && <span className="muted">{t('cadreUnits.onDate', { date: first.data.onDate })}</span>}
        {can(me.roles, 'cadre.export') && (
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="roster-export">
            {t('cadreUnits.export.roster')}
          </Button>
        )}
      </div>
      {first.error !== undefined && <Alert type="error" showIcon title={errorText(first.error)} />}
      <Table<RosterLine>
        size="small"
        bordered
        rowKey="key"
        loading={first.loading}
        dataSource={lines}
        pagination={false}
        data-testid="roster-table"
        columns={[
          {
            title: t('cadreUnits.col.unit'),
            width: 220,
            onCell: (l) => ({ rowSpan: l.span }),
            render: (_, l) => (
              <Space direction="vertical" size={0}>
                <Link to={`/cadre-units/teams/${l.unit.unit.id}`} data-testid="roster-unit">
                  {l.unit.unit.name}
                </Link>
                <span className="muted">
                  {t('cadreUnits.totals', {
                    pa: l.unit.principal.actual,
                    pq: l.unit.principal.quota,
                    da: l.unit.deputy.actual,
                    dq: l.unit.deputy.quota,
                  })}
                </span>
              </Space>
            ),
          },
          { title: t('cadreUnits.col.post'), width: 130, render: (_, l) => l.post?.title },
          { title: t('cadreUnits.col.level'), width: 80, render: (_, l) => l.post?.level },
          {
            title: t('cadreUnits.col.principal'),
            width: 70,
            render: (_, l) => l.post && (l.post.principal ? t('cadreUnits.principal') : t('cadreUnits.deputy')),
          },
          { title: t('cadreUnits.col.quota'), width: 60, align: 'right', render: (_, l) => l.post?.quota },
          { title: t('cadreUnits.col.actual'), width: 60, align: 'right', render: (_, l) => l.post?.holders.length },
          {
            title: t('cadreUnits.col.status'),
            width: 80,
            render: (_, l) =>
              l.post?.over ? (
                <Tag color="red">{t('cadreUnits.over')}</Tag>
              ) : l.post?.vacant ? (
                <Tag color="orange">{t('cadreUnits.vacant')}</Tag>
              ) : null,
          },
          {
            title: t('cadreUnits.col.holders'),
            render: (_, l) => (
              <Space wrap size={[12, 2]}>
                {l.post?.holders.map((h) => (
                  <Tooltip
                    key={h.appointmentId}
                    title={`${t('cadreUnits.col.birth')} ${h.birth ?? ''} · ${t('cadreUnits.col.yearsInPost')} ${t('cadreUnits.years', { n: h.yearsInPost ?? '' })}`}
                  >
                    <span>
                      {t('cadreUnits.holder', { name: h.name, sex: h.sex, age: h.age ?? '', date: h.decidedOn })}
                      {h.concurrent && <Tag>{t('cadreUnits.concurrent')}</Tag>}
                    </span>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {cursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void loadMore()}>{t('common.loadMore')}</Button>
        </div>
      )}
      {exporting && (
        <ExportPurposeModal
          title={t('cadreUnits.export.rosterTitle')}
          notice={t('cadreUnits.export.rosterNotice')}
          testId="roster-export-purpose"
          onExport={(purpose) => exportRoster({ ...filter, flag }, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
