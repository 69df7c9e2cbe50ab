// 下级汇总: for an organization, the open to-dos of each direct child's subtree by kind, with overdue
// counts; a child opens its own digest, a figure opens the items behind it, and the table exports.
import { useState } from 'react';
import { Alert, Button, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowUpOutlined, DownloadOutlined, InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TODO_AREA_LABELS, TODO_AREAS, TODO_KINDS, type TodoKind } from '../../../../domain/todo-kinds';
import { errorText } from '../../api/client';
import { exportDigest, getDigest, type TDigestRow } from '../../api/todos';
import type { Id } from '../../api/types';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { formatMinute } from '../../lib/dates';
import { useLabels } from '../../lib/labels';
import { useRequest } from '../../lib/use-request';
import { DigestItemsDrawer } from './digest-items-drawer';

function Figure({ n, late, onClick, testId }: { n: number | undefined; late: number | undefined; onClick: () => void; testId?: string }) {
  if (!n) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <a onClick={onClick} data-testid={testId}>
      {n}
      {late ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          （{late}）
        </Typography.Text>
      ) : null}
    </a>
  );
}

export function DigestTab({ orgId, onOrg }: { orgId: Id; onOrg: (id: Id) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [fresh, setFresh] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [drill, setDrill] = useState<{ orgId: Id; orgName: string; kind?: TodoKind }>();
  const digest = useRequest((signal) => getDigest(orgId, fresh > 0, signal), [orgId, fresh]);
  const d = digest.data;
  // The server lists the kinds area by area, so the totals row follows the grouped columns.
  const leafKinds = d?.kinds ?? [];
  const nameOf = (r: TDigestRow) => (r.self ? `${r.orgName}${t('todos.digest.self')}` : r.orgName);

  return (
    <>
      <div className="filter-bar">
        <Space wrap>
          <OrgTreeSelect
            style={{ width: 360 }}
            value={orgId}
            valueLabel={d?.org.id === orgId ? d.org.name : undefined}
            onChange={(id) => id && onOrg(id)}
          />
          {d?.org.parentId != null && (
            <Button icon={<ArrowUpOutlined />} onClick={() => onOrg(d.org.parentId!)} data-testid="digest-up">
              {t('todos.digest.back')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => setFresh((n) => n + 1)} loading={digest.loading}>
            {t('todos.digest.refresh')}
          </Button>
          {d && <Typography.Text type="secondary">{t('todos.digest.computedAt', { time: formatMinute(d.computedAt) })}</Typography.Text>}
        </Space>
        <span style={{ flex: 1 }} />
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} disabled={!d} data-testid="digest-export">
          {t('todos.digest.export')}
        </Button>
      </div>
      {digest.error !== undefined && <Alert type="error" showIcon title={errorText(digest.error)} style={{ marginBottom: 8 }} />}
      <Table<TDigestRow>
        size="small"
        rowKey="orgId"
        loading={digest.loading}
        dataSource={d?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        // The horizontal scroll bar stays at the bottom of the window, so the kinds past the first screen are found.
        sticky
        locale={{ emptyText: t('todos.digest.none') }}
        data-testid="digest-table"
        columns={[
          {
            title: t('todos.digest.org'),
            key: 'org',
            fixed: 'left',
            width: 240,
            render: (_, r) =>
              r.hasChildren ? (
                <Tooltip title={t('todos.digest.drill')}>
                  <a onClick={() => onOrg(r.orgId)}>{nameOf(r)}</a>
                </Tooltip>
              ) : (
                <span>
                  {nameOf(r)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.kind(r.orgKind)}
                  </Typography.Text>
                </span>
              ),
          },
          // One column per kind present, under its area (发展党员, 党费, 组织生活...).
          ...TODO_AREAS.map((area) => ({ area, kinds: (d?.kinds ?? []).filter((k) => TODO_KINDS[k].area === area) }))
            .filter((g) => g.kinds.length > 0)
            .map((g) => ({
              // The area's name at the start of its group, where it is in view before any scrolling.
              title: TODO_AREA_LABELS[g.area][labels.lang],
              key: g.area,
              onHeaderCell: () => ({ style: { textAlign: 'left' as const } }),
              children: g.kinds.map((k) => ({
                title: TODO_KINDS[k][labels.lang],
                key: k,
                align: 'right' as const,
                width: 92,
                render: (_: unknown, r: TDigestRow) => (
                  <Figure n={r.counts[k]} late={r.overdue[k]} onClick={() => setDrill({ orgId: r.orgId, orgName: nameOf(r), kind: k })} />
                ),
              })),
            })),
          {
            title: (
              <Tooltip title={t('todos.digest.awaitingHigherHint')}>
                <span>
                  {t('todos.digest.awaitingHigher')} <InfoCircleOutlined />
                </span>
              </Tooltip>
            ),
            key: 'awaiting',
            align: 'right',
            width: 110,
            render: (_, r) => (
              <Typography.Text type="secondary" data-testid={`digest-awaiting-${r.orgId}`}>
                {r.awaitingHigher}
              </Typography.Text>
            ),
          },
          {
            title: (
              <Tooltip title={t('todos.digest.totalHint')}>
                <span>
                  {t('todos.digest.total')} <InfoCircleOutlined />
                </span>
              </Tooltip>
            ),
            key: 'total',
            align: 'right',
            width: 80,
            fixed: 'right',
            render: (_, r) => (
              <Figure
                n={r.total}
                late={undefined}
                onClick={() => setDrill({ orgId: r.orgId, orgName: nameOf(r) })}
                testId={`digest-total-${r.orgId}`}
              />
            ),
          },
          {
            title: t('todos.digest.overdue'),
            key: 'late',
            align: 'right',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.overdueTotal ? (
                <Typography.Text type="danger">{r.overdueTotal}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          },
        ]}
        summary={() =>
          d && (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <b>{t('todos.digest.total')}</b>
                </Table.Summary.Cell>
                {leafKinds.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    {d.totals.counts[k] ?? 0}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={leafKinds.length + 1} align="right">
                  <Typography.Text type="secondary">{d.totals.awaitingHigher}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={leafKinds.length + 2} align="right">
                  <b data-testid="digest-grand-total">{d.totals.total}</b>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={leafKinds.length + 3} align="right">
                  <Typography.Text type="danger">{d.totals.overdueTotal}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
      {drill && d && <DigestItemsDrawer {...drill} kinds={d.kinds} today={d.today} onClose={() => setDrill(undefined)} />}
      {exporting && d && (
        <ExportPurposeModal
          title={t('todos.digest.exportTitle')}
          notice={t('todos.digest.exportNotice', { org: d.org.name })}
          placeholder={t('todos.digest.exportPlaceholder')}
          testId="digest-export-purpose"
          onExport={(purpose) => exportDigest(orgId, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
