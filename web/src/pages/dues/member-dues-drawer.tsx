// One member's dues account: current base and arrears, month by month, history, and the forms to act.
import { Alert, Descriptions, Drawer, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getMemberDues, type TBase, type TMemberDues, type TPayment } from '../../api/dues';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { formatMinute } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { BaseForm } from './base-form';
import { fenToYuan, LevelTag } from './dues-format';
import { PayForm, ReductionForm, VoluntaryForm } from './member-actions';

export function MemberDuesDrawer({ memberId, onClose }: { memberId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const acc = useRequest((signal) => getMemberDues(memberId, signal), [memberId]);
  const a = acc.data;
  const writable = can(me.roles, 'dues.write');
  const done = (next: TMemberDues) => acc.setData(next);

  return (
    <Drawer
      open
      width={760}
      title={a ? t('dues.member.title', { name: a.member.name }) : t('common.loading')}
      onClose={onClose}
      data-testid="member-dues"
    >
      {acc.error !== undefined && <Alert type="error" showIcon title={errorText(acc.error)} />}
      {a && <DuesAccount a={a} />}
      {a && (
        <Tabs
          size="small"
          items={[
            { key: 'ledger', label: t('dues.member.ledger'), children: <Ledger a={a} /> },
            { key: 'bases', label: t('dues.member.bases'), children: <Bases bases={a.bases} /> },
            { key: 'payments', label: t('dues.member.payments'), children: <Payments rows={a.payments} /> },
            ...(writable
              ? [
                  {
                    key: 'base',
                    label: t('dues.member.changeBase'),
                    children: <BaseForm memberId={a.member.id} initial={a.current?.category} onSaved={acc.reload} />,
                  },
                  { key: 'pay', label: t('dues.member.pay'), children: <PayForm account={a} done={done} /> },
                  { key: 'voluntary', label: t('dues.member.voluntary'), children: <VoluntaryForm account={a} done={done} /> },
                  { key: 'reduce', label: t('dues.member.propose'), children: <ReductionForm account={a} done={done} /> },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}

export function DuesAccount({ a }: { a: TMemberDues }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('dues.org')}>{a.member.orgName}</Descriptions.Item>
      <Descriptions.Item label={t('dues.base.category')}>
        {a.current ? t(`dues.category.${a.current.category}`) : t('dues.member.noBase')}
      </Descriptions.Item>
      <Descriptions.Item label={t('dues.member.current')}>
        {a.current ? t('dues.member.currentValue', { base: fenToYuan(a.current.baseFen), from: a.current.effectiveFrom }) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('dues.sheet.due')}>{a.current ? fenToYuan(a.current.dueFen) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dues.tabs.arrears')} span={2}>
        <Space data-testid="member-arrears">
          {a.arrears.unpaidMonths
            ? t('dues.member.arrears', { n: a.arrears.unpaidMonths, v: fenToYuan(a.arrears.owedFen) })
            : t('dues.level.none')}
          <LevelTag level={a.arrears.level} months={a.arrears.consecutiveUnpaid} />
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function Ledger({ a }: { a: TMemberDues }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="month"
      dataSource={a.ledger}
      pagination={{ pageSize: 12, size: 'small' }}
      columns={[
        { title: t('dues.member.month'), dataIndex: 'month', width: 100 },
        { title: t('dues.member.due'), dataIndex: 'dueFen', align: 'right', render: fenToYuan },
        { title: t('dues.member.paid'), dataIndex: 'paidFen', align: 'right', render: fenToYuan },
        {
          title: '',
          key: 's',
          render: (_v, l) =>
            l.reduced ? (
              <Tag>{t('dues.member.reduced')}</Tag>
            ) : l.paidFen >= l.dueFen ? (
              <Tag color="green">{t('dues.sheet.paidTag')}</Tag>
            ) : (
              <Tag color="orange">{t('dues.sheet.unpaidTag')}</Tag>
            ),
        },
      ]}
    />
  );
}

function Bases({ bases }: { bases: TBase[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={bases}
      pagination={false}
      columns={[
        { title: t('dues.member.effectiveFrom'), dataIndex: 'effectiveFrom', width: 90 },
        {
          title: t('dues.base.category'),
          dataIndex: 'category',
          render: (c: string) => t(`dues.category.${c}` as 'dues.category.employed'),
        },
        { title: t('dues.sheet.base'), dataIndex: 'baseFen', align: 'right', render: fenToYuan },
        { title: t('dues.sheet.due'), dataIndex: 'dueFen', align: 'right', render: fenToYuan },
        { title: t('dues.base.source'), dataIndex: 'source', render: (s: string) => t(`dues.source.${s}` as 'dues.source.salary') },
        { title: t('dues.member.recordedAt'), dataIndex: 'recordedAt', render: formatMinute },
      ]}
    />
  );
}

export function Payments({ rows }: { rows: TPayment[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 12, size: 'small' }}
      columns={[
        { title: t('dues.member.month'), dataIndex: 'month', width: 90 },
        {
          title: t('dues.member.kind'),
          dataIndex: 'kind',
          render: (k: string, p) =>
            k === 'regular' ? (
              t('dues.member.regular')
            ) : (
              <Space size={4}>
                {t('dues.member.voluntary')}
                {p.toCentre && <Tag color="red">{t('dues.member.toCentre')}</Tag>}
              </Space>
            ),
        },
        { title: t('dues.member.paid'), dataIndex: 'amountFen', align: 'right', render: fenToYuan },
        { title: t('dues.sheet.paidOn'), dataIndex: 'paidOn' },
        { title: t('dues.pay.receiptNo'), dataIndex: 'receiptNo' },
        { title: t('dues.org'), dataIndex: 'orgName', ellipsis: true },
      ]}
    />
  );
}
