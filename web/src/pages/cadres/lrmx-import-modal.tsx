// Batch import of .lrmx files: choose files (or one zip), see the preview of every file (who it
// matches, what it would create or update, why a file cannot be read), then import. A bad file is
// named and imports nothing of itself; the others land.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { uploadLrmx, type TLrmxFileResult, type TLrmxImportResult } from '../../api/cadre-exchange';

const STATUS_COLOR: Record<TLrmxFileResult['status'], string> = {
  create: 'blue',
  update: 'cyan',
  created: 'green',
  updated: 'green',
  error: 'red',
  skipped: 'default',
};

export function LrmxImportModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<TLrmxImportResult>();
  const [result, setResult] = useState<TLrmxImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean, chosen: File[]) => {
    setError(undefined);
    setBusy(true);
    try {
      const r = await uploadLrmx(chosen, dryRun);
      if (dryRun) setPreview(r);
      else setResult(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const shown = result ?? preview;
  const step = result ? 2 : preview ? 1 : 0;
  return (
    <Modal
      open
      width={860}
      title={t('cadreExchange.import.title')}
      maskClosable={false}
      onCancel={() => onClose(Boolean(result))}
      footer={
        <Space>
          <Button onClick={() => onClose(Boolean(result))} disabled={busy}>
            {t('cadreExchange.import.close')}
          </Button>
          {preview && !result && (
            <Button
              type="primary"
              loading={busy}
              disabled={preview.counts.ok === 0}
              onClick={() => run(false, files)}
              data-testid="lrmx-commit"
            >
              {t('cadreExchange.import.commit', { n: preview.counts.ok })}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('cadreExchange.import.step1') },
          { title: t('cadreExchange.import.step2') },
          { title: t('cadreExchange.import.step3') },
        ]}
      />
      {step === 0 && (
        <div data-testid="lrmx-upload">
          <Upload.Dragger
            multiple
            accept=".lrmx,.Lrmx,.LRMX,.zip"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(_f, list) => {
              // antd calls this once per file with the whole list: act on the last call only.
              if (list[list.length - 1] === _f) {
                const chosen = list.map((x) => x as File);
                setFiles(chosen);
                void run(true, chosen);
              }
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('cadreExchange.import.drop')}</p>
            <Typography.Text type="secondary">{t('cadreExchange.import.hint')}</Typography.Text>
          </Upload.Dragger>
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {shown && (
        <>
          <Alert
            style={{ margin: '12px 0' }}
            type={shown.counts.errors ? 'warning' : 'success'}
            showIcon
            message={t(result ? 'cadreExchange.import.doneSummary' : 'cadreExchange.import.previewSummary', shown.counts)}
          />
          <Table<TLrmxFileResult>
            size="small"
            rowKey={(r) => r.file}
            pagination={shown.files.length > 50 ? { pageSize: 50 } : false}
            dataSource={shown.files}
            data-testid="lrmx-report"
            columns={[
              { title: t('cadreExchange.import.file'), dataIndex: 'file' },
              { title: t('cadreExchange.import.person'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
              {
                title: t('cadreExchange.import.status'),
                dataIndex: 'status',
                render: (s: TLrmxFileResult['status']) => <Tag color={STATUS_COLOR[s]}>{t(`cadreExchange.import.statuses.${s}`)}</Tag>,
              },
              { title: t('cadreExchange.import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
