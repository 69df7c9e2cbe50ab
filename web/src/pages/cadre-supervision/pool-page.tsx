// The young-cadre pool (those in it, or also those who left): the criteria check of each, the Excel list and
// the chosen entries' 任免审批表 in one zip, both with a purpose.
import { Alert, Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { findCadres, listPool, type TPoolEntry } from '../../api/cadre-supervision';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { PoolFormsModal } from './pool-forms';
import { ListExportModal } from './supervision-modals';

export function PoolPage() {
  const { t } = useTranslation();
  const me = useMe();
  const exports = can(me.roles, 'cadre.export');
  const [all, setAll] = useState(false);
  const [selected, setSelected] = useState<Id[]>([]);
  const [dialog, setDialog] = useState<'export' | 'forms'>();
  const req = useRequest((signal) => listPool(all, signal), [all]);
  const navigate = useNavigate();
  const [hits, setHits] = useState<{ value: Id; label: string }[]>([]);
  const search = (q: string) => {
    if (!q.trim()) return setHits([]);
    findCadres(q.trim()).then(
      (r) => setHits(r.items.map((c) => ({ value: c.id, label: `${c.name} ${c.title}` }))),
      () => setHits([]),
    );
  };
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('cadreSupervision.pool.title')}</Typography.Title>
      <div className="filter-bar">
        <Space wrap>
          <Select<Id>
            showSearch
            filterOption={false}
            style={{ width: 260 }}
            placeholder={t('cadreSupervision.pool.findCadre')}
            onSearch={search}
            options={hits}
            onChange={(cadreId) => navigate(`cadres/${cadreId}`)}
            data-testid="sup-find-cadre"
          />
          <Switch checked={all} onChange={setAll} data-testid="pool-all" />
          <span>{t('cadreSupervision.pool.showLeft')}</span>
          {exports && (
            <>
              <Button data-testid="sup-export-pool" onClick={() => setDialog('export')}>
                {t('cadreSupervision.export.button')}
              </Button>
              <Button data-testid="sup-pool-forms" disabled={selected.length === 0} onClick={() => setDialog('forms')}>
                {t('cadreSupervision.export.forms', { n: selected.length })}
              </Button>
            </>
          )}
        </Space>
      </div>
      {req.error ? <Alert type="error" message={errorText(req.error)} /> : null}
      <Table<TPoolEntry>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        rowSelection={exports ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as Id[]) } : undefined}
        columns={[
          {
            title: t('cadreSupervision.col.name'),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`cadres/${r.cadreId}`}>{n}</Link>,
          },
          { title: t('cadreSupervision.col.title'), dataIndex: 'title' },
          { title: t('cadreSupervision.col.level'), dataIndex: 'level', width: 90 },
          { title: t('cadreSupervision.col.birth'), dataIndex: 'birth', width: 110 },
          { title: t('cadreSupervision.col.source'), dataIndex: 'source', width: 120 },
          { title: t('cadreSupervision.col.enteredOn'), dataIndex: 'enteredOn', width: 110 },
          {
            title: t('cadreSupervision.col.findings'),
            dataIndex: 'findings',
            render: (f: string[], r) =>
              r.eligible ? <Tag color="green">{t('cadreSupervision.pool.eligible')}</Tag> : f.map((x) => <div key={x}>{x}</div>),
          },
          { title: t('cadreSupervision.col.plans'), key: 'plans', width: 80, render: (_: unknown, r) => r.plans.length },
          { title: t('cadreSupervision.col.leftOn'), dataIndex: 'leftOn', width: 110 },
        ]}
      />
      {dialog === 'export' && <ListExportModal list="pool" onClose={() => setDialog(undefined)} />}
      {dialog === 'forms' && <PoolFormsModal ids={selected} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
