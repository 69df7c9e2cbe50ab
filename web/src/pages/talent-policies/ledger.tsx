// The payouts and clawbacks ledger for finance: a date range, the rows in booking order with totals, and the Excel
// export (its purpose asked and audited).
import { useState } from 'react';
import { Alert, Button, DatePicker, Space, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { exportLedger, getLedger, type TLedgerRow } from '../../api/talent-policies';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { yuan } from './parts';

export function LedgerPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const f = { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const r = useRequest((signal) => getLedger(f, signal), [f.from, f.to]);
  const [exporting, setExporting] = useState(false);
  return (
    <div data-testid="tp-ledger">
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        {can(me.roles, 'talent.export') && (
          <Button onClick={() => setExporting(true)} data-testid="tp-ledger-export">
            {t('talentPolicies.ledger.export')}
          </Button>
        )}
      </Space>
      {r.error ? <Alert type="error" showIcon message={errorText(r.error)} /> : null}
      {r.data && (
        <Space size="large" style={{ marginBottom: 8 }}>
          <Statistic title={t('talentPolicies.ledger.paid')} value={yuan(r.data.paidFen)} />
          <Statistic title={t('talentPolicies.ledger.clawedBack')} value={yuan(r.data.clawedBackFen)} />
          <Statistic title={t('talentPolicies.ledger.net')} value={yuan(r.data.paidFen - r.data.clawedBackFen)} />
        </Space>
      )}
      <Table<TLedgerRow>
        size="small"
        rowKey="id"
        loading={r.loading}
        dataSource={r.data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('talentPolicies.ledger.bookedOn'), dataIndex: 'bookedOn' },
          {
            title: t('talentPolicies.ledger.applicationId'),
            dataIndex: 'applicationId',
            render: (id: number) => <Link to={`/talent-policies/applications/${id}`}>#{id}</Link>,
          },
          { title: t('talentPolicies.ledger.person'), dataIndex: 'personName' },
          { title: t('talentPolicies.ledger.item'), render: (_, x) => `${x.itemName}（${x.itemCode}）` },
          {
            title: t('talentPolicies.ledger.kind'),
            dataIndex: 'kind',
            render: (k: string) =>
              k === 'payout' ? (
                <Tag color="blue">{t('talentPolicies.ledger.payout')}</Tag>
              ) : (
                <Tag color="magenta">{t('talentPolicies.ledger.clawback')}</Tag>
              ),
          },
          { title: t('talentPolicies.ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('talentPolicies.ledger.reason'), dataIndex: 'reason' },
        ]}
      />
      {exporting && (
        <ExportPurposeModal
          title={t('talentPolicies.ledger.export')}
          notice={t('talentPolicies.ledger.exportNotice')}
          onExport={(purpose) => exportLedger(f, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
