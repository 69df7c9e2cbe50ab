// Every change of a member record, newest first, each shown as the fields it changed.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMemberHistory, type TMemberHistory } from '../../api/members';
import type { Id } from '../../api/types';
import { formatTime } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { diffFields } from '../orgs/history-diff';
import { useMemberLabels, type LabelKind } from './member-labels';

// History snapshots hold codes: show them by their labels.
const CODED: Record<string, LabelKind> = {
  category: 'category',
  status: 'status',
  ethnicity: 'ethnicity',
  occupation: 'occupation',
  eduFulltime: 'education',
  eduInservice: 'education',
  degreeFulltime: 'degree',
  degreeInservice: 'degree',
};
const HIDDEN = new Set(['nameInitials', 'sortKey', 'orgPath', 'idCipher', 'idHash', 'eduHighest']);

export function MemberHistoryTab({ memberId, revision }: { memberId: Id; revision: number }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const history = useRequest(() => getMemberHistory(memberId), [memberId, revision]);
  const fieldLabels: Record<string, string> = { ...t('members.fields', { returnObjects: true }), orgId: t('members.fields.org') };
  const actionLabels: Record<string, string> = t('members.historyActions', { returnObjects: true });
  const show = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (CODED[field]) return labels.label(CODED[field], String(v));
    // The server names the branches a snapshot refers to; an id is never shown.
    if (field === 'orgId') return history.data?.orgNames[String(v)] ?? '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return (
    <Table<TMemberHistory>
      size="small"
      rowKey="id"
      data-testid="member-history"
      loading={history.loading}
      dataSource={history.data?.items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: history.error ? errorText(history.error) : t('common.noData') }}
      columns={[
        { title: t('members.history.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
        { title: t('members.history.action'), dataIndex: 'action', width: 110, render: (a: string) => <Tag>{actionLabels[a] ?? a}</Tag> },
        {
          title: t('members.history.actor'),
          dataIndex: 'actorName',
          width: 140,
          render: (v: string | null) => v ?? t('members.history.system'),
        },
        {
          title: t('members.history.changes'),
          key: 'changes',
          render: (_v, h) =>
            diffFields(h.before, h.after)
              .filter((c) => !HIDDEN.has(c.field))
              .map((c) => (
                <div key={c.field} className="diff-line">
                  <strong>{fieldLabels[c.field] ?? c.field}</strong>：
                  {h.before != null && (
                    <>
                      <span className="before">{show(c.field, c.before)}</span> →{' '}
                    </>
                  )}
                  <span className="after">{show(c.field, c.after)}</span>
                </div>
              )),
        },
      ]}
    />
  );
}
