// The people (or organizations) behind one number of a table: the same condition as the number,
// paged; the count shown is the list's own, so it can be checked against the cell.
import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { exportPeople, getPeople, type TCellRef, type TPeopleList, type TTableParams } from '../../api/statistics';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { LoadMore } from '../../components/load-more';
import { labelOf } from './stats-grid';

interface Props {
  code: string;
  params: TTableParams;
  cell: TCellRef;
  orgs: boolean;
  onClose: () => void;
}

export function PeopleDrawer({ code, params, cell, orgs, onClose }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [list, setList] = useState<TPeopleList>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    getPeople(code, params, cell, undefined, ctrl.signal).then(
      (l) => {
        setList(l);
        setLoading(false);
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
  }, [code, params, cell]);

  const more = async () => {
    if (!list?.nextCursor) return;
    setLoading(true);
    try {
      const next = await getPeople(code, params, cell, list.nextCursor);
      setList({ ...next, items: [...list.items, ...next.items] });
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const columns = (list?.columns ?? []).map((c) => ({
    key: c.key,
    title: labelOf(c.title),
    dataIndex: ['values', c.key],
    ellipsis: c.key === 'orgName' || c.key === 'note',
    render: (v: string | number | null, item: TPeopleList['items'][number]) =>
      c.key === 'name' && item.memberId && can(me.roles, 'member.read') ? (
        <Link to={`/members/${item.memberId}`} title={t('statistics.people.open')}>
          {v}
        </Link>
      ) : (
        v
      ),
  }));

  return (
    <Drawer
      open
      width={1000}
      title={list?.title ?? ' '}
      onClose={onClose}
      destroyOnHidden
      extra={
        can(me.roles, 'stats.export') && (
          <Button icon={<DownloadOutlined />} disabled={!list?.total} onClick={() => setExporting(true)} data-testid="people-export">
            {t('statistics.people.export')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error !== undefined && <Alert type="error" showIcon title={errorText(error)} />}
        {list && (
          <Typography.Text strong data-testid="people-total">
            {t(orgs ? 'statistics.people.totalOrgs' : 'statistics.people.total', { n: list.total })}
          </Typography.Text>
        )}
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={list?.items}
          columns={columns}
          pagination={false}
          data-testid="people-list"
          scroll={{ x: 'max-content' }}
        />
        <LoadMore count={list?.items.length ?? 0} hasMore={!!list?.nextCursor} loading={loading} onLoad={() => void more()} />
      </Space>
      {exporting && (
        <ExportPurposeModal
          title={t('statistics.export.peopleTitle')}
          notice={t('statistics.export.peopleNotice')}
          placeholder={t('statistics.export.peoplePlaceholder')}
          testId="people-export-purpose"
          onExport={(purpose) => exportPeople(code, params, cell, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </Drawer>
  );
}
