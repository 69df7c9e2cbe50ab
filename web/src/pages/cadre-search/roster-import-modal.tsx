// Import of a 干部花名册: upload, and the whole report at once (all rows written or none, every
// problem named by row and column). "Check only" validates and matches without writing.
import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Spin, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { uploadRoster, type TRosterImportResult } from '../../api/cadre-search';

export function RosterImportModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<TRosterImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [imported, setImported] = useState(false);

  const upload = async (file: File) => {
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      const r = await uploadRoster(file, dryRun);
      setResult(r);
      if (r.ok && !r.dryRun) setImported(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('cadreSearch.import.title')}
      onCancel={() => onClose(imported)}
      maskClosable={false}
      footer={
        <Button onClick={() => onClose(imported)} disabled={busy}>
          {t('cadreSearch.import.close')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('cadreSearch.import.hint')}</Typography.Paragraph>
      <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} style={{ marginBottom: 8 }}>
        {t('cadreSearch.import.check')}
        <span className="muted"> — {t('cadreSearch.import.checkHint')}</span>
      </Checkbox>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
        data-testid="roster-import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('cadreSearch.import.pick')}</p>
      </Upload.Dragger>
      {busy && <Spin style={{ display: 'block', marginTop: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="roster-import-result">
          {result.ok ? (
            <Alert
              type="success"
              showIcon
              title={t(result.dryRun ? 'cadreSearch.import.dryOk' : 'cadreSearch.import.ok', {
                created: result.created,
                updated: result.updated,
              })}
            />
          ) : (
            <>
              <Alert type="error" showIcon title={t('cadreSearch.import.failed', { count: result.errorCount })} />
              {result.errorCount > result.errors.length && (
                <div className="muted">{t('cadreSearch.import.moreErrors', { shown: result.errors.length })}</div>
              )}
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={result.errors}
                pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
                data-testid="roster-import-errors"
                columns={[
                  { title: t('cadreSearch.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('cadreSearch.import.column'), dataIndex: 'column', width: 150 },
                  { title: t('cadreSearch.import.reason'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
