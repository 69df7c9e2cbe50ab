// One box of letters (转出 / 转入 / 逾期): filters, a dense table, the actions each letter allows.
import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  TRANSFER_KIND_LABELS,
  TRANSFER_STATUSES,
  TRANSFER_STATUS_LABELS,
  TRANSFER_KINDS,
  type TransferKind,
  type TransferStatus,
} from '../../../../domain/rules/transfers';
import { errorText } from '../../api/client';
import { exportTransfers, listTransfers, type TTransferFilter, type TTransferRow } from '../../api/transfers';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { useLabels } from '../../lib/labels';
import { LetterActions } from './letter-actions';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

const STATUS_COLORS: Record<TransferStatus, string> = { issued: 'blue', received: 'cyan', confirmed: 'green', returned: 'default' };

export function LettersTab({ box }: { box: TTransferFilter['box'] }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const [filter, setFilter] = useState<TTransferFilter>({ box });
  const list = useKeyset((f: TTransferFilter, cursor) => listTransfers(f, cursor), filter);
  const [exporting, setExporting] = useState(false);

  const columns = [
    { title: t('transfers.col.letterNo'), dataIndex: 'letterNo', width: 210, fixed: 'left' as const },
    { title: t('transfers.col.kind'), dataIndex: 'kind', width: 100, render: (k: TransferKind) => TRANSFER_KIND_LABELS[k][lang] },
    { title: t('transfers.col.member'), dataIndex: 'memberName', width: 90 },
    // The state right after the person: in view before any scrolling, with the actions fixed at the right.
    {
      title: t('transfers.col.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, r: TTransferRow) => (
        <Space size={2}>
          <Tag color={STATUS_COLORS[r.status]}>{TRANSFER_STATUS_LABELS[r.status][lang]}</Tag>
          {r.overdue && <Tag color="red">{t('transfers.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('transfers.col.category'),
      dataIndex: 'category',
      width: 90,
      render: (c: string) => t(c === 'full' ? 'transfers.full' : 'transfers.probationary'),
    },
    { title: t('transfers.col.from'), dataIndex: 'fromOrgName', ellipsis: true },
    { title: t('transfers.col.to'), dataIndex: 'toOrgName', ellipsis: true },
    { title: t('transfers.col.issuedOn'), dataIndex: 'issuedOn', width: 104 },
    { title: t('transfers.col.expiresOn'), dataIndex: 'expiresOn', width: 104 },
    {
      title: t('transfers.col.reason'),
      key: 'reason',
      width: 140,
      ellipsis: { showTitle: false },
      render: (_: unknown, r: TTransferRow) => (
        <Tooltip title={r.returnReason ?? r.reason} placement="topLeft">
          {r.returnReason ?? r.reason}
        </Tooltip>
      ),
    },
    {
      title: t('transfers.col.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right' as const,
      render: (_: unknown, r: TTransferRow) => <LetterActions row={r} onChanged={list.upsert} />,
    },
  ];

  return (
    <div data-testid={`transfer-box-${box}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          size="small"
          allowClear
          placeholder={t('transfers.search')}
          style={{ width: 200 }}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
        />
        <Select
          size="small"
          allowClear
          placeholder={t('transfers.col.status')}
          style={{ width: 120 }}
          value={filter.status}
          onChange={(s?: TransferStatus) => setFilter((f) => ({ ...f, status: s }))}
          options={TRANSFER_STATUSES.map((s) => ({ value: s, label: TRANSFER_STATUS_LABELS[s][lang] }))}
        />
        <Select
          size="small"
          allowClear
          placeholder={t('transfers.col.kind')}
          style={{ width: 130 }}
          value={filter.kind}
          onChange={(k?: TransferKind) => setFilter((f) => ({ ...f, kind: k }))}
          options={TRANSFER_KINDS.map((k) => ({ value: k, label: TRANSFER_KIND_LABELS[k][lang] }))}
        />
        <Button size="small" icon={<FileExcelOutlined />} onClick={() => setExporting(true)}>
          {t('transfers.export')}
        </Button>
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <Table<TTransferRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        pagination={false}
        data-testid="letters-table"
        loading={list.loading && list.items.length === 0}
        scroll={{ x: 1400 }}
        onRow={(r) => ({ 'data-testid': `transfer-row-${r.letterNo}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {exporting && (
        <ExportPurposeModal
          title={t('transfers.export')}
          notice={t('transfers.export')}
          placeholder={t('transfers.exportPurpose')}
          testId="transfer-export-purpose"
          onExport={(purpose) => exportTransfers(filter, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
