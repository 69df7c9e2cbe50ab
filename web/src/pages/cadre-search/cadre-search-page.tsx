// 干部查询: the query builder on top, the cadres in a dense table paged by keyset below, saved
// queries, the roster export with a column chooser and the roster import (issue 12 points 4 and 7).
import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EDUCATION_RANKS } from '../../../../domain/cadre-codes';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { searchCadres, type TCadreHit, type TCadreQueryInput } from '../../api/cadre-search';
import { useMe } from '../../auth/auth-context';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { QueryForm } from './query-form';
import { SavedQueries } from './saved-queries';
import { RosterExportModal } from './roster-export-modal';
import { RosterImportModal } from './roster-import-modal';

const PAGE_SIZE = 50;
const ADVANCED: (keyof TCadreQueryInput)[] = [
  'levels',
  'ageAt',
  'backgrounds',
  'political',
  'yearsInPostMin',
  'grassrootsMonthsMin',
  'unitKindsMin',
  'twoPostsBelow',
  'includeLeft',
];
const dotted = (d: string | null) => (d ? d.slice(0, 7).replace('-', '.') : '');
const eduLabel = (rank: number | null) => EDUCATION_RANKS.find((e) => e.rank === rank)?.label ?? '';

export default function CadreSearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<TCadreQueryInput>();
  const [query, setQuery] = useState<TCadreQueryInput>({});
  const [total, setTotal] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null);
  const list = useKeyset(async (q: TCadreQueryInput, cursor?: string) => {
    const page = await searchCadres(q, cursor, PAGE_SIZE);
    if (!cursor) setTotal(page.total);
    return page;
  }, query);

  const load = (q: TCadreQueryInput) => {
    form.resetFields();
    form.setFieldsValue(q);
    setQuery(q);
  };

  return (
    <div className="page-card">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cadreSearch.title')}
        </Typography.Title>
        <Space wrap>
          <SavedQueries current={query} onLoad={(s) => load(s.query)} />
          {can(me.roles, 'cadre.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('export')} disabled={!total} data-testid="roster-export">
              {t('cadreSearch.export.button')}
            </Button>
          )}
          {can(me.roles, 'cadre.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="roster-import">
              {t('cadreSearch.import.button')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('cadreSearch.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <QueryForm advanced={ADVANCED.some((k) => query[k] !== undefined)} form={form} onSearch={setQuery} onReset={() => setQuery({})} />
      </Card>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      {total !== null && <div className="muted">{t('cadreSearch.total', { count: total })}</div>}
      <Table<TCadreHit>
        size="small"
        rowKey="id"
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
        scroll={{ x: 1200 }}
        data-testid="cadre-results"
        columns={[
          { title: t('cadreSearch.col.name'), dataIndex: 'name', width: 90, fixed: 'left' },
          { title: t('cadreSearch.col.sex'), dataIndex: 'sex', width: 50 },
          { title: t('cadreSearch.col.birth'), dataIndex: 'birth', width: 80, render: dotted },
          { title: t('cadreSearch.col.age'), dataIndex: 'age', width: 50 },
          { title: t('cadreSearch.col.unit'), dataIndex: 'unitName', ellipsis: true },
          { title: t('cadreSearch.col.title'), dataIndex: 'title', ellipsis: true },
          { title: t('cadreSearch.col.level'), dataIndex: 'level', width: 70 },
          { title: t('cadreSearch.col.since'), dataIndex: 'since', width: 80, render: dotted },
          { title: t('cadreSearch.col.yearsInPost'), dataIndex: 'yearsInPost', width: 80 },
          { title: t('cadreSearch.col.education'), dataIndex: 'eduRank', width: 90, render: eduLabel },
          { title: t('cadreSearch.col.political'), dataIndex: 'political', width: 100 },
          { title: t('cadreSearch.col.manager'), dataIndex: 'managerName', ellipsis: true },
        ]}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {dialog === 'export' && <RosterExportModal query={query} total={total ?? 0} onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <RosterImportModal
          onClose={(imported) => {
            setDialog(null);
            if (imported) list.reload();
          }}
        />
      )}
    </div>
  );
}
