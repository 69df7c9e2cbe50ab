// The audit log (audit administrator): filter, read page by page, export with a purpose, verify the chain.
import { useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { FileExcelOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { listAudit, type TAuditFilter } from '../../api/audit';
import { errorText } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { AuditExportModal } from './audit-export-modal';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditVerifyModal } from './audit-verify-modal';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const [dialog, setDialog] = useState<'export' | 'verify' | null>(null);
  const list = useKeyset((f: TAuditFilter, cursor) => listAudit(f, cursor, PAGE_SIZE), filter);

  return (
    <div className="page-card">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.audit')}
        </Typography.Title>
        <Space>
          {can(me.roles, 'audit.export') && (
            <Button icon={<FileExcelOutlined />} onClick={() => setDialog('export')} data-testid="audit-export">
              {t('audit.export.button')}
            </Button>
          )}
          <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog('verify')} data-testid="audit-verify">
            {t('audit.verify.button')}
          </Button>
        </Space>
      </div>
      <AuditFilters onSearch={setFilter} />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <AuditTable rows={list.items} loading={list.loading && list.items.length === 0} />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {dialog === 'export' && (
        <AuditExportModal
          filter={filter}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void message.success(t('audit.export.done'));
          }}
        />
      )}
      {dialog === 'verify' && <AuditVerifyModal onClose={() => setDialog(null)} />}
    </div>
  );
}
