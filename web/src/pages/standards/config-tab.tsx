// 标准设置: the checklist versions (each year uses the one in force on 1 January) and, for the city's
// organization department, publishing a new version edited from the latest one.
import { useState } from 'react';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { listChecklists, type TChecklist } from '../../api/standards';
import { getOrg } from '../../api/orgs';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { formatMinute } from '../../lib/dates';
import { ChecklistEditor } from './checklist-editor';
import { useStarLabel } from './star-tag';

export function ConfigTab() {
  const { t } = useTranslation();
  const { star } = useStarLabel();
  const me = useMe();
  const list = useRequest((signal) => listChecklists(signal), []);
  // The checklist is the whole city's: only the top organization's department publishes one.
  const own = useRequest((signal) => getOrg(me.orgId, signal), [me.orgId]);
  const mayPublish = own.data?.parentId === null;
  const [editing, setEditing] = useState<TChecklist>();

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('standards.config.hint')}
        description={`${t('standards.config.local')} ${t('standards.config.onlyCity')}`}
        style={{ marginBottom: 8 }}
      />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <div className="filter-bar">
        <span style={{ flex: 1 }} />
        {list.data && mayPublish && (
          <Button type="primary" onClick={() => setEditing(list.data!.items[0])} data-testid="checklist-new">
            {t('standards.config.newVersion')}
          </Button>
        )}
      </div>
      <Table<TChecklist>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={false}
        expandable={{
          expandedRowRender: (c) => (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={c.items}
              columns={[
                { title: t('standards.config.code'), dataIndex: 'code', width: 70 },
                { title: t('standards.sheet.category'), dataIndex: 'category', width: 90 },
                { title: t('standards.sheet.item'), dataIndex: 'title', width: 200 },
                { title: t('standards.sheet.max'), dataIndex: 'maxScore', width: 60 },
                { title: t('standards.sheet.guide'), dataIndex: 'guide' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('standards.config.name'), dataIndex: 'name' },
          { title: t('standards.config.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
          { title: t('standards.config.items'), key: 'items', width: 70, render: (_v, c) => c.items.length },
          {
            title: t('standards.config.thresholds'),
            key: 'th',
            render: (_v, c) => (
              <Space size={2} wrap>
                {c.starThresholds.map((s) => (
                  <Tag key={s.stars}>
                    {star(s.stars)} ≥ {s.minScore}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('standards.config.used'), dataIndex: 'used', width: 90, align: 'right' },
          // A checklist published by nobody is the one the system ships with.
          {
            title: t('standards.config.createdBy'),
            key: 'by',
            width: 120,
            render: (_v, c) => c.createdBy ?? t('standards.config.builtIn'),
          },
          { title: t('standards.config.createdAt'), key: 'at', width: 150, render: (_v, c) => formatMinute(c.createdAt) },
        ]}
      />
      {editing && (
        <ChecklistEditor
          base={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) list.setData(saved);
          }}
        />
      )}
    </>
  );
}
