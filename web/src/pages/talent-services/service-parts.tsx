// Pieces the three talent-service pages share: the status tag with the overdue / late marks and the
// request's history, the requests table.
import { Space, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TServiceRequest } from '../../api/talent-services';
import { formatMinute } from '../../lib/dates';

const STATUS_COLOR = { submitted: 'gold', accepted: 'blue', answered: 'cyan', closed: 'green', withdrawn: 'default' } as const;

export function StatusTags({ r }: { r: TServiceRequest }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[r.status]}>{t(`talentServices.status.${r.status}`)}</Tag>
      {r.overdue && !r.late && (
        <Tag color="red" data-testid={`overdue-${r.id}`}>
          {t('talentServices.overdue')}
        </Tag>
      )}
      {r.late && <Tag color="volcano">{t('talentServices.late')}</Tag>}
    </Space>
  );
}

export function ServiceEvents({ r }: { r: TServiceRequest }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={r.events.map((e, i) => ({
        key: i,
        content: [formatMinute(e.at), t(`talentServices.event.${e.action}`, { defaultValue: e.action }), e.by ?? '', e.note]
          .filter(Boolean)
          .join(' · '),
      }))}
    />
  );
}

export function RequestTable(props: {
  items: TServiceRequest[] | undefined;
  loading: boolean;
  total?: number;
  showDepartment?: boolean;
  onOpen: (r: TServiceRequest) => void;
  actions?: (r: TServiceRequest) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table<TServiceRequest>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={props.items}
      scroll={{ x: 900 }}
      rowClassName={(r) => (r.overdue && !r.late ? 'row-overdue' : '')}
      pagination={{
        pageSize: 50,
        showSizeChanger: false,
        size: 'small',
        showTotal: () => t('talentServices.office.total', { n: props.total ?? 0 }),
      }}
      data-testid="service-requests"
      columns={[
        {
          title: t('talentServices.col.name'),
          dataIndex: 'personName',
          width: 100,
          render: (v: string, r) => (
            <a onClick={() => props.onOpen(r)} data-testid={`open-${r.id}`}>
              {v}
            </a>
          ),
        },
        { title: t('talentServices.col.tier'), dataIndex: 'tierName', width: 90 },
        { title: t('talentServices.col.type'), dataIndex: 'typeName', width: 110 },
        ...(props.showDepartment ? [{ title: t('talentServices.col.department'), dataIndex: 'departmentName', width: 180 }] : []),
        { title: t('talentServices.col.detail'), dataIndex: 'detail', ellipsis: true },
        { title: t('talentServices.col.submittedOn'), dataIndex: 'submittedOn', width: 110 },
        { title: t('talentServices.col.dueOn'), dataIndex: 'dueOn', width: 110 },
        { title: t('talentServices.col.status'), key: 'status', width: 150, render: (_v, r) => <StatusTags r={r} /> },
        { title: t('talentServices.col.satisfaction'), dataIndex: 'satisfaction', width: 80, align: 'right' },
        ...(props.actions ? [{ title: '', key: 'act', width: 140, render: (_v: unknown, r: TServiceRequest) => props.actions?.(r) }] : []),
      ]}
    />
  );
}
