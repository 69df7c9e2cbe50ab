// Every change of the organization, newest first, each shown as the fields it changed.
import { Button, Table, Tag } from 'antd';
import { FirstScreenPrompt } from '../../components/first-screen-prompt';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getOrgHistory, type TOrgHistory } from '../../api/orgs';
import type { Id } from '../../api/types';
import { formatTime } from '../../lib/dates';
import { useLabels, type Labels } from '../../lib/labels';
import { useRequest } from '../../lib/use-request';
import { diffFields } from './history-diff';

function formatValue(
  field: string,
  value: unknown,
  labels: Labels,
  statusLabels: Record<string, string>,
  orgNames: Record<string, string>,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return statusLabels[String(value)] ?? String(value);
  // The server names the organizations a snapshot refers to; an id is never shown.
  if (field === 'parentId') return orgNames[String(value)] ?? '—';
  if (field === 'kind') return labels.kind(String(value));
  if (field === 'unitType') return labels.unitType(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    // Committee lists: "王芳（书记）、李强（委员）"
    return value
      .map((v: unknown) => {
        const m = v as { personName?: string; post?: string };
        return m && typeof m === 'object' && m.personName ? `${m.personName}（${labels.post(m.post)}）` : JSON.stringify(v);
      })
      .join('、');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function OrgHistoryTab({
  orgId,
  revision,
  childCount,
  onChildren,
}: {
  orgId: Id;
  revision: number;
  childCount: number;
  onChildren: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const history = useRequest(() => getOrgHistory(orgId), [orgId, revision]);
  const fieldLabels: Record<string, string> = t('orgs.fields', { returnObjects: true });
  const actionLabels: Record<string, string> = t('orgs.historyActions', { returnObjects: true });
  const statusLabels: Record<string, string> = t('orgs.status', { returnObjects: true });

  // A city or district rarely changes itself; its first screen says where the changes below are.
  const prompt = history.data && history.data.items.length === 0 && childCount > 0 && (
    <FirstScreenPrompt
      message={t('orgHistory.emptyWithChildren')}
      action={
        <Button size="small" onClick={onChildren} data-testid="org-history-children">
          {t('orgHistory.seeChildren')}
        </Button>
      }
    />
  );
  return (
    <>
      {prompt}
      <Table<TOrgHistory>
        size="small"
        rowKey="id"
        loading={history.loading}
        dataSource={history.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: history.error ? errorText(history.error) : t('common.noData') }}
        data-testid="org-history"
        columns={[
          { title: t('orgs.history.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
          { title: t('orgs.history.action'), dataIndex: 'action', width: 110, render: (a: string) => <Tag>{actionLabels[a] ?? a}</Tag> },
          { title: t('orgs.history.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: t('orgs.history.changes'),
            key: 'changes',
            render: (_v, h) =>
              diffFields(h.before, h.after).map((c) => (
                <div key={c.field} className="diff-line">
                  <strong>{fieldLabels[c.field] ?? c.field}</strong>：
                  {h.before != null && (
                    <>
                      <span className="before">{formatValue(c.field, c.before, labels, statusLabels, history.data?.orgNames ?? {})}</span>{' '}
                      →{' '}
                    </>
                  )}
                  <span className="after">{formatValue(c.field, c.after, labels, statusLabels, history.data?.orgNames ?? {})}</span>
                </div>
              )),
          },
        ]}
      />
    </>
  );
}
