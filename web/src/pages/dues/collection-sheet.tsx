// The branch's monthly routine: pick the month, tick who paid, save (one request, all or nothing).
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getSheet, payBulk, type TSheetRow } from '../../api/dues';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { FirstScreenPrompt } from '../../components/first-screen-prompt';
import { toDateString } from '../../lib/dates';
import { fenToYuan, fromMonth, LevelTag, thisMonth, toMonth } from './dues-format';

export function CollectionSheet({ orgId, onOpen, onTotals }: { orgId: Id; onOpen: (id: Id) => void; onTotals: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [month, setMonth] = useState(thisMonth());
  const [paidOn, setPaidOn] = useState(dayjs());
  const [collectedBy, setCollectedBy] = useState('');
  const [ticked, setTicked] = useState<Id[]>([]);
  const [unpaidOnly, setUnpaidOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const sheet = useRequest((signal) => getSheet(orgId, month, signal), [orgId, month]);
  const writable = can(me.roles, 'dues.write');
  const payable = (r: TSheetRow) => r.dueFen !== null && r.paidFen < r.dueFen;

  const save = async () => {
    setBusy(true);
    try {
      const next = await payBulk(orgId, {
        month,
        paidOn: toDateString(paidOn)!,
        collectedBy: collectedBy.trim() || undefined,
        items: ticked.map((memberId) => ({ memberId })),
      });
      sheet.setData(next);
      void message.success(t('dues.sheet.saved', { n: ticked.length }));
      setTicked([]);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = (sheet.data?.rows ?? []).filter((r) => !unpaidOnly || payable(r));
  const unpaid = (sheet.data?.rows ?? []).filter(payable).length;
  return (
    <>
      <div className="filter-bar">
        <Space wrap>
          <span>{t('dues.sheet.month')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={fromMonth(month)}
            onChange={(d) => {
              setMonth(toMonth(d) ?? thisMonth());
              setTicked([]);
            }}
            data-testid="sheet-month"
          />
          {writable && (
            <>
              <span>{t('dues.sheet.paidOn')}</span>
              <DatePicker
                allowClear={false}
                value={paidOn}
                onChange={(d) => d && setPaidOn(d)}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
              <Input
                style={{ width: 140 }}
                placeholder={t('dues.sheet.collectedBy')}
                value={collectedBy}
                onChange={(e) => setCollectedBy(e.target.value)}
                count={{ max: 40 }}
              />
              <Button type="primary" disabled={!ticked.length} loading={busy} onClick={save} data-testid="sheet-save">
                {t('dues.sheet.save', { n: ticked.length })}
              </Button>
            </>
          )}
          <Checkbox checked={unpaidOnly} onChange={(e) => setUnpaidOnly(e.target.checked)}>
            {t('dues.sheet.unpaidOnly')}
          </Checkbox>
        </Space>
      </div>
      {sheet.error !== undefined && <Alert type="error" showIcon title={errorText(sheet.error)} style={{ marginBottom: 8 }} />}
      {sheet.data && sheet.data.rows.length === 0 && (
        <FirstScreenPrompt
          message={t('dues.sheet.notBranch')}
          action={
            <Button size="small" onClick={onTotals} data-testid="dues-see-totals">
              {t('dues.sheet.seeTotals')}
            </Button>
          }
        />
      )}
      {sheet.data && sheet.data.rows.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="sheet-summary">
          {t('dues.sheet.summary', { due: fenToYuan(sheet.data.dueFen), paid: fenToYuan(sheet.data.paidFen), count: unpaid })}
        </Typography.Paragraph>
      )}
      <Table<TSheetRow>
        size="small"
        rowKey="memberId"
        loading={sheet.loading}
        dataSource={rows}
        pagination={false}
        data-testid="sheet-table"
        rowSelection={
          writable
            ? {
                selectedRowKeys: ticked,
                onChange: (keys) => setTicked(keys as Id[]),
                getCheckboxProps: (r) => ({ disabled: !payable(r), 'data-testid': `tick-${r.memberId}` }) as object,
              }
            : undefined
        }
        columns={[
          {
            title: t('dues.sheet.name'),
            dataIndex: 'name',
            width: 110,
            render: (v: string, r) => <a onClick={() => onOpen(r.memberId)}>{v}</a>,
          },
          {
            title: t('dues.sheet.duesCategory'),
            dataIndex: 'duesCategory',
            width: 170,
            render: (c: TSheetRow['duesCategory'], r) => (
              <Space size={4}>
                {c ? t(`dues.category.${c}`) : <Tag>{t('dues.sheet.noBase')}</Tag>}
                {r.memberCategory === 'probationary' && <Tag color="gold">{t('dues.memberCategory.probationary')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('dues.sheet.base'),
            dataIndex: 'baseFen',
            width: 100,
            align: 'right',
            render: (v: number | null, r) => (r.duesCategory === 'employed' || r.duesCategory === 'retired' ? fenToYuan(v) : '—'),
          },
          { title: t('dues.sheet.due'), dataIndex: 'dueFen', width: 90, align: 'right', render: fenToYuan },
          { title: t('dues.sheet.paid'), dataIndex: 'paidFen', width: 90, align: 'right', render: (v: number) => (v ? fenToYuan(v) : '') },
          { title: t('dues.sheet.paidOn'), dataIndex: 'paidOn', width: 110 },
          { title: t('dues.sheet.receipt'), dataIndex: 'receiptNo', width: 140, ellipsis: true },
          {
            title: t('dues.sheet.status'),
            key: 'status',
            render: (_v, r) => (
              <Space size={4}>
                {r.dueFen !== null &&
                  (payable(r) ? <Tag>{t('dues.sheet.unpaidTag')}</Tag> : <Tag color="green">{t('dues.sheet.paidTag')}</Tag>)}
                <LevelTag level={r.level} months={r.consecutiveUnpaid} />
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
