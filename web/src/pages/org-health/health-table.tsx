// The health table: a row per child organization (the organization's own units first), a column per
// signal. Sorting and filtering are by the organizations' signals; there is no score (RULES.md §9).
import { Button, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { HEALTH_LEVELS, HEALTH_SIGNAL_LABELS, HEALTH_SIGNALS, type HealthSignalKind } from '../../../../domain/rules/org-health';
import type { THealth, THealthRow } from '../../api/org-health';
import type { Id } from '../../api/types';
import { useLabels } from '../../lib/labels';
import { HealthCell, LEVEL_RANK, LevelTag } from './health-cell';

const rankOf = (r: THealthRow, k: HealthSignalKind) => (r.cells[k] ? LEVEL_RANK[r.cells[k].level] : -1);

export function HealthTable({
  data,
  rows,
  loading,
  onDrill,
}: {
  data: THealth | undefined;
  rows: THealthRow[];
  loading: boolean;
  onDrill: (id: Id) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const columns: ColumnsType<THealthRow> = [
    {
      title: t('orgHealth.orgName'),
      dataIndex: 'orgName',
      width: 190,
      fixed: 'left',
      render: (name: string, r) => (
        <div>
          {r.hasChildren && !r.self ? (
            <Button
              type="link"
              size="small"
              className="health-drill"
              onClick={() => onDrill(r.orgId)}
              data-testid={`health-drill-${r.orgId}`}
            >
              {name}
            </Button>
          ) : (
            <span className="health-org">{name}</span>
          )}
          <div className="muted">{labels.kind(r.orgKind)}</div>
        </div>
      ),
    },
    { title: t('orgHealth.members'), dataIndex: 'members', width: 72, align: 'right', sorter: (a, b) => a.members - b.members },
    ...HEALTH_SIGNALS.map((k) => ({
      key: k,
      title: (
        <Tooltip title={t('orgHealth.basis', { basis: data?.basis[k] ?? '' })}>
          <span>{HEALTH_SIGNAL_LABELS[k][labels.lang]}</span>
        </Tooltip>
      ),
      width: 164,
      render: (_: unknown, r: THealthRow) => <HealthCell cell={r.cells[k]} />,
      sorter: (a: THealthRow, b: THealthRow) => rankOf(a, k) - rankOf(b, k),
      filters: HEALTH_LEVELS.map((l) => ({ text: <LevelTag level={l} />, value: l })),
      onFilter: (value: unknown, r: THealthRow) => r.cells[k]?.level === value,
    })),
  ];
  return (
    <Table<THealthRow>
      size="small"
      bordered
      rowKey={(r) => `${r.orgId}-${r.self}`}
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 1080 }}
      locale={{ emptyText: t('orgHealth.empty') }}
      data-testid="health-table"
      onRow={(r) => ({ 'data-testid': `health-row-${r.orgId}`, 'data-warnings': r.warnings }) as React.HTMLAttributes<HTMLElement>}
      summary={() =>
        data && (
          <Table.Summary fixed>
            <Table.Summary.Row className="health-total">
              <Table.Summary.Cell index={0}>
                <strong>{t('orgHealth.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.total.members}
              </Table.Summary.Cell>
              {HEALTH_SIGNALS.map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2}>
                  <HealthCell cell={data.total.cells[k]} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
