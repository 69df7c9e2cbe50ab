// The organizations directly below: kind, status, their own child count; create a new one here.
import { useState } from 'react';
import { App, Button, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ALLOWED_CHILD_KINDS } from '../../../../domain/org-kinds';
import { errorText } from '../../api/client';
import { getOrgChildren, type TOrgDetail, type TOrgNode } from '../../api/orgs';
import { KindTag } from '../../components/org-title';
import { useRequest } from '../../lib/use-request';
import { OrgFormModal } from './org-form-modal';

export interface OrgChildrenTabProps {
  org: TOrgDetail;
  revision: number;
  canCreate: boolean;
  onCreated: (child: TOrgDetail) => void;
}

export function OrgChildrenTab({ org, revision, canCreate, onCreated }: OrgChildrenTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showDissolved, setShowDissolved] = useState(false);
  const [creating, setCreating] = useState(false);
  const children = useRequest(() => getOrgChildren(org.id, showDissolved), [org.id, showDissolved, revision]);
  // A 党小组 holds nothing: no button where no kind may be created.
  const creatable = canCreate && ALLOWED_CHILD_KINDS[org.kind].length > 0;

  return (
    <>
      <div className="filter-bar">
        <Switch size="small" checked={showDissolved} onChange={setShowDissolved} />
        <span>{t('orgs.children.showDissolved')}</span>
        <span style={{ flex: 1 }} />
        {creatable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="org-create-child">
            {t('orgs.children.create')}
          </Button>
        )}
      </div>
      <Table<TOrgNode>
        size="small"
        rowKey="id"
        loading={children.loading}
        dataSource={children.data?.items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: children.error ? errorText(children.error) : t('orgs.children.empty') }}
        columns={[
          { title: t('orgs.fields.name'), dataIndex: 'name', render: (name: string, o) => <Link to={`/orgs/${o.id}`}>{name}</Link> },
          { title: t('orgs.fields.kind'), dataIndex: 'kind', width: 170, render: (_k, o) => <KindTag kind={o.kind} /> },
          {
            title: t('orgs.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (_s, o) =>
              o.status === 'active' ? <Tag color="green">{t('orgs.status.active')}</Tag> : <Tag>{t('orgs.status.dissolved')}</Tag>,
          },
          { title: t('orgs.fields.childCount'), dataIndex: 'childCount', width: 110, align: 'right' },
        ]}
      />
      {creating && (
        <OrgFormModal
          mode="create"
          parent={org}
          onCancel={() => setCreating(false)}
          onSaved={(child) => {
            setCreating(false);
            void message.success(t('orgs.children.created', { name: child.name }));
            onCreated(child);
          }}
        />
      )}
    </>
  );
}
