// 党内统计: pick a table, an organization (from the URL or the user's own) and a month; drill into
// a child organization (the URL follows, breadcrumbs lead back) or from a number to its people;
// export in the usual layout; print.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Menu, Tag, Typography } from 'antd';
import { FirstScreenPrompt } from '../../components/first-screen-prompt';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  exportTable,
  getCatalogue,
  getTable,
  type TCellRef,
  type TTableColumn,
  type TTableParams,
  type TTableRow,
} from '../../api/statistics';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { labelOf, reconcileProblems, StatsGrid } from './stats-grid';
import { PeopleDrawer } from './people-drawer';
import { StatsToolbar, type ToolbarValues } from './stats-toolbar';
import './statistics.css';

export default function StatisticsPage() {
  return (
    <Routes>
      <Route index element={<Navigate to="basic" replace />} />
      <Route path=":code" element={<StatisticsView />} />
    </Routes>
  );
}

function StatisticsView() {
  const { t } = useTranslation();
  const dateText = (d: string) =>
    t('statistics.date', { date: d, y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) });
  const me = useMe();
  const navigate = useNavigate();
  const { code = 'basic' } = useParams();
  const [search, setSearch] = useSearchParams();
  const catalogue = useRequest((signal) => getCatalogue(signal), []);
  const [cell, setCell] = useState<TCellRef>();
  const [exporting, setExporting] = useState(false);
  const [hideZero, setHideZero] = useState(false);

  const month = search.get('month') ?? catalogue.data?.month;
  const params = useMemo<TTableParams | undefined>(
    () =>
      month
        ? {
            orgId: Number(search.get('orgId')) || me.orgId,
            month,
            ageBands: search.get('ageBands') ?? undefined,
            from: search.get('from') ?? undefined,
            to: search.get('to') ?? undefined,
          }
        : undefined,
    [search, month, me.orgId],
  );
  const table = useRequest((signal) => (params ? getTable(code, params, signal) : Promise.resolve(undefined)), [code, params]);

  const change = useCallback(
    (patch: Partial<ToolbarValues>) => {
      if (patch.hideZero !== undefined) setHideZero(patch.hideZero);
      const next = new URLSearchParams(search);
      for (const key of ['orgId', 'month', 'ageBands', 'from', 'to'] as const) {
        if (!(key in patch)) continue;
        const v = patch[key];
        if (v === undefined || v === '') next.delete(key);
        else next.set(key, String(v));
      }
      setSearch(next);
    },
    [search, setSearch],
  );

  const reRoot = useCallback((orgId: number) => change({ orgId }), [change]);
  const openCell = useCallback((row: TTableRow, col: TTableColumn) => setCell({ row: row.key, col: col.key }), []);
  const pick = (next: string) => {
    const keep = new URLSearchParams(search);
    keep.delete('from');
    keep.delete('to');
    navigate({ pathname: `/statistics/${next}`, search: keep.toString() });
  };

  const data = table.data;
  const problems = data ? reconcileProblems(data) : 0;
  return (
    <div className="page-card stats-page">
      <div className="stats-layout">
        <nav className="stats-picker">
          <Typography.Title level={5}>{t('statistics.tables')}</Typography.Title>
          <Menu
            mode="inline"
            selectedKeys={[code]}
            onClick={(e) => pick(e.key)}
            data-testid="stats-picker"
            items={(catalogue.data?.groups ?? []).map((g) => ({
              type: 'group' as const,
              key: g.key,
              label: labelOf(g.title),
              children: g.tables.map((x) => ({ key: x.code, label: labelOf(x.title), 'data-testid': `stats-pick-${x.code}` })),
            }))}
          />
        </nav>
        <section className="stats-main">
          {params && (
            <StatsToolbar
              key={`${code}-${params.ageBands ?? ''}`}
              table={data}
              canExport={can(me.roles, 'stats.export')}
              orgLabel={data?.org.id === params.orgId ? data.org.name : params.orgId === me.orgId ? me.orgName : undefined}
              values={{ ...params, hideZero }}
              onChange={change}
              onExport={() => setExporting(true)}
            />
          )}
          {(catalogue.error !== undefined || table.error !== undefined) && (
            <Alert type="error" showIcon title={errorText(table.error ?? catalogue.error)} style={{ marginBottom: 8 }} />
          )}
          {data && (
            <>
              {data.breadcrumbs.length > 1 && (
                <Breadcrumb
                  className="stats-breadcrumbs"
                  items={data.breadcrumbs.map((b, i) => ({
                    title:
                      i < data.breadcrumbs.length - 1 ? (
                        <a onClick={() => reRoot(b.id)} data-testid={`stats-crumb-${b.id}`}>
                          {b.name}
                        </a>
                      ) : (
                        b.name
                      ),
                  }))}
                />
              )}
              <div className="stats-heading">
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="stats-title">
                  {labelOf(data.title)}
                </Typography.Title>
                <div className="stats-meta">
                  <span>
                    {t('statistics.org')}：{data.org.name}
                  </span>
                  <span>{t('statistics.asOf', { date: dateText(data.asOf) })}</span>
                  {data.period && (
                    <span>
                      {t('statistics.period')}：{dateText(data.period.from)}—{dateText(data.period.to)}
                    </span>
                  )}
                  <span>{t('statistics.unit', { unit: labelOf(data.unit) })}</span>
                  {problems === 0 ? (
                    <Tag color="success" icon={<CheckCircleOutlined />} className="no-print">
                      {t('statistics.reconciled')}
                    </Tag>
                  ) : (
                    <Tag color="error" icon={<WarningOutlined />}>
                      {t('statistics.notReconciled', { n: problems })}
                    </Tag>
                  )}
                </div>
              </div>
              <Typography.Paragraph type="secondary" className="no-print" style={{ marginBottom: 8 }}>
                {t('statistics.drillHint')}
              </Typography.Paragraph>
            </>
          )}
          {data && params && data.rows.length > 0 && Object.values(data.rows[0].cells).every((n) => n === 0) && (
            // Nothing in the whole table: a year's work (民主评议, 发展) is often finalized only at its end.
            <FirstScreenPrompt
              message={t('statistics.emptyTable', { year: Number(data.asOf.slice(0, 4)) })}
              action={
                <Button
                  size="small"
                  onClick={() => change({ month: `${Number(data.asOf.slice(0, 4)) - 1}-12`, from: undefined, to: undefined })}
                  data-testid="stats-previous-year"
                >
                  {t('statistics.previousYear', { year: Number(data.asOf.slice(0, 4)) - 1 })}
                </Button>
              }
            />
          )}
          {data && params && <StatsGrid table={data} hideZero={hideZero} loading={table.loading} onReRoot={reRoot} onCell={openCell} />}
          {data && (
            <Typography.Paragraph className="stats-definition">
              <Typography.Text strong>{t('statistics.definition')}：</Typography.Text>
              {labelOf(data.definition)}
            </Typography.Paragraph>
          )}
        </section>
      </div>
      {cell && params && data && (
        <PeopleDrawer code={code} params={params} cell={cell} orgs={data.source === 'orgs'} onClose={() => setCell(undefined)} />
      )}
      {exporting && params && data && (
        <ExportPurposeModal
          title={`${t('statistics.export.title')}：${labelOf(data.title)}`}
          notice={t('statistics.export.notice')}
          placeholder={t('statistics.export.purposePlaceholder')}
          testId="stats-export-purpose"
          onExport={(purpose) => exportTable(code, params, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
