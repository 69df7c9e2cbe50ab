// One statistics table: grouped headers from the columns' paths, 合计 first, numbers right-aligned.
// A child's name re-roots the table on it; a number opens the list of people behind it.
import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TLabel, TStatsTable, TTableColumn, TTableRow } from '../../api/statistics';
import { currentLang } from '../../i18n';

export const labelOf = (l: TLabel) => (currentLang() === 'en' ? l.en : l.zh);
const fmt = (n: number) => n.toLocaleString('zh-CN');

interface Props {
  table: TStatsTable;
  hideZero: boolean;
  loading: boolean;
  onReRoot: (orgId: number) => void;
  onCell: (row: TTableRow, col: TTableColumn) => void;
}

/** Consecutive columns with the same header at a level become one group. */
function grouped(cols: TTableColumn[], level: number, leaf: (c: TTableColumn) => ColumnsType<TTableRow>[number]): ColumnsType<TTableRow> {
  const out: ColumnsType<TTableRow> = [];
  for (let i = 0; i < cols.length;) {
    const c = cols[i];
    if (c.path.length === level + 1) {
      out.push(leaf(c));
      i++;
      continue;
    }
    let j = i;
    while (j < cols.length && cols[j].path.length > level + 1 && cols[j].path[level].zh === c.path[level].zh) j++;
    out.push({
      key: `g${level}-${c.key}`,
      title: labelOf(c.path[level]),
      align: 'center',
      children: grouped(cols.slice(i, j), level + 1, leaf),
    });
    i = j;
  }
  return out;
}

export function StatsGrid({ table, hideZero, loading, onReRoot, onCell }: Props) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => (hideZero ? table.rows.filter((r) => r.kind !== 'child' || table.columns.some((c) => r.cells[c.key] !== 0)) : table.rows),
    [table, hideZero],
  );

  const columns = useMemo<ColumnsType<TTableRow>>(
    () => [
      {
        key: 'name',
        title: t('statistics.nameColumn'),
        fixed: 'left',
        width: 300,
        render: (_: unknown, r: TTableRow) => {
          if (r.kind === 'total')
            return (
              <Typography.Text strong>
                {t('statistics.totalRow')}（{r.name}）
              </Typography.Text>
            );
          if (r.kind === 'child' && r.hasChildren && r.orgId !== null) {
            return (
              <a onClick={() => onReRoot(r.orgId!)} data-testid={`stats-row-${r.key}`}>
                {r.name}
              </a>
            );
          }
          return <span data-testid={`stats-row-${r.key}`}>{r.name}</span>;
        },
      },
      ...grouped(table.columns, 0, (c) => ({
        key: c.key,
        title: labelOf(c.path[c.path.length - 1]),
        align: 'right',
        width: 96,
        render: (_: unknown, r: TTableRow) => {
          const n = r.cells[c.key] ?? 0;
          const testId = `stats-cell-${r.key}-${c.key}`;
          return n > 0 ? (
            <a className="stats-number" onClick={() => onCell(r, c)} data-testid={testId}>
              {fmt(n)}
            </a>
          ) : (
            <span className="stats-zero" data-testid={testId}>
              {fmt(n)}
            </span>
          );
        },
      })),
    ],
    [table, t, onReRoot, onCell],
  );

  return (
    <Table<TTableRow>
      className="stats-table"
      data-testid="stats-table"
      size="small"
      bordered
      rowKey="key"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 'calc(100vh - 330px)' }}
      rowClassName={(r) => (r.kind === 'total' ? 'stats-total-row' : r.kind === 'self' ? 'stats-self-row' : '')}
    />
  );
}

/** Places where a total differs from the sum of its parts or of the rows (the server guarantees none). */
export function reconcileProblems(table: TStatsTable): number {
  let bad = 0;
  for (const r of table.rows) for (const s of table.sums) if (r.cells[s.total] !== s.parts.reduce((a, k) => a + r.cells[k], 0)) bad++;
  const [total, ...rest] = table.rows;
  if (rest.length) for (const c of table.columns) if (rest.reduce((a, r) => a + r.cells[c.key], 0) !== total.cells[c.key]) bad++;
  return bad;
}
