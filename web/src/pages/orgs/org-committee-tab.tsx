// The organization's committee (班子成员): posts, names and terms; editable as a whole (PUT).
import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_POSTS } from '../../../../domain/org-kinds';
import type { TCommitteeMember, TOrgDetail } from '../../api/orgs';
import { useLabels } from '../../lib/labels';
import { CommitteeModal } from './committee-modal';

/** How far ahead a term end is flagged as due (换届 reminders start well before the date). */
const DUE_SOON_MONTHS = 6;

export interface OrgCommitteeTabProps {
  org: TOrgDetail;
  canEdit: boolean;
  onSaved: (org: TOrgDetail) => void;
}

export function OrgCommitteeTab({ org, canEdit, onSaved }: OrgCommitteeTabProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const rows = [...org.committee].sort((a, b) => COMMITTEE_POSTS.indexOf(a.post) - COMMITTEE_POSTS.indexOf(b.post));

  const termTag = (m: TCommitteeMember) => {
    if (!m.termEnd) return null;
    const end = dayjs(m.termEnd);
    if (end.isBefore(dayjs(), 'day')) return <Tag color="red">{t('orgs.committee.expired')}</Tag>;
    if (end.isBefore(dayjs().add(DUE_SOON_MONTHS, 'month'))) return <Tag color="orange">{t('orgs.committee.dueSoon')}</Tag>;
    return <Tag color="green">{t('orgs.committee.inTerm')}</Tag>;
  };

  return (
    <>
      {canEdit && (
        <div className="filter-bar" style={{ justifyContent: 'flex-end' }}>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="committee-edit">
            {t('orgs.committee.edit')}
          </Button>
        </div>
      )}
      <Table<TCommitteeMember>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('orgs.committee.empty') }}
        columns={[
          { title: t('orgs.committee.post'), dataIndex: 'post', width: 120, render: (p: string) => labels.post(p) },
          { title: t('orgs.committee.personName'), dataIndex: 'personName', width: 160 },
          { title: t('orgs.committee.termStart'), dataIndex: 'termStart', width: 130, render: (d: string | null) => d ?? '—' },
          { title: t('orgs.committee.termEnd'), dataIndex: 'termEnd', width: 130, render: (d: string | null) => d ?? '—' },
          { title: t('orgs.committee.termStatus'), key: 'termStatus', render: (_v, m) => termTag(m) },
        ]}
      />
      {editing && (
        <CommitteeModal
          org={org}
          onCancel={() => setEditing(false)}
          onSaved={(updated) => {
            setEditing(false);
            onSaved(updated);
          }}
        />
      )}
    </>
  );
}
