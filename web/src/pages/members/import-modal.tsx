// Import: download the template, upload a sheet, watch the progress (two passes: check every row,
// then write all rows in one transaction), and read the error report by row and column.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { downloadImportTemplate, getImportJob, uploadImport, type TImportJob } from '../../api/members';

const POLL_MS = 500;

/** Overall progress: the checking pass is the first half, writing the second. */
export function importPercent(j: TImportJob): number | null {
  // A refused file shows a full red bar: nothing was written.
  if (j.phase === 'done' || j.phase === 'failed') return 100;
  if (j.phase === 'writing') return 50 + Math.floor((50 * j.rowsWritten) / Math.max(1, j.rowsValid));
  if (j.phase === 'checking') return 50;
  return j.rowsTotal ? Math.min(49, Math.floor((50 * j.rowsRead) / j.rowsTotal)) : null;
}

export function ImportModal({ onClose }: { onClose: (imported: boolean) => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<TImportJob>();
  const [error, setError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const running = job && !['done', 'failed'].includes(job.phase);

  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => getImportJob(job.id).then(setJob, (e: unknown) => setError(errorText(e))), POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  const upload = async (file: File) => {
    setError(undefined);
    setJob(undefined);
    setUploading(true);
    try {
      setJob(await uploadImport(file));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setUploading(false);
    }
  };

  const percent = job ? importPercent(job) : null;
  return (
    <Modal
      open
      width={760}
      title={t('members.importModal.title')}
      onCancel={() => onClose(job?.phase === 'done')}
      maskClosable={false}
      footer={
        <Button onClick={() => onClose(job?.phase === 'done')} disabled={running}>
          {t('members.importModal.close')}
        </Button>
      }
    >
      <Steps
        size="small"
        current={job ? 1 : 0}
        style={{ marginBottom: 16 }}
        items={[{ title: t('members.importModal.step1') }, { title: t('members.importModal.step2') }]}
      />
      <Typography.Paragraph type="secondary">{t('members.importModal.step1Hint')}</Typography.Paragraph>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => downloadImportTemplate().catch((e: unknown) => setError(errorText(e)))}
        style={{ marginBottom: 12 }}
        data-testid="import-template"
      >
        {t('members.importModal.template')}
      </Button>
      <Typography.Paragraph type="secondary">{t('members.importModal.step2Hint')}</Typography.Paragraph>
      {!running && (
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{job ? t('members.importModal.again') : t('members.importModal.pick')}</p>
        </Upload.Dragger>
      )}
      {uploading && <Spin style={{ display: 'block', marginTop: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="import-error" />}
      {job && (
        <div style={{ marginTop: 12 }} data-testid="import-job">
          <Space direction="vertical" style={{ width: '100%' }}>
            <strong>
              {job.fileName} — {t(`members.importModal.phase.${job.phase}`)}
            </strong>
            {percent === null ? (
              <Spin size="small" />
            ) : (
              <Progress
                percent={percent}
                status={job.phase === 'failed' ? 'exception' : job.phase === 'done' ? 'success' : 'active'}
                data-testid="import-progress"
              />
            )}
            <span className="muted">
              {t('members.importModal.progress', { read: job.rowsRead, valid: job.rowsValid, written: job.rowsWritten })}
            </span>
            {job.message && (
              <Alert type={job.phase === 'done' ? 'success' : 'error'} showIcon title={job.message} data-testid="import-message" />
            )}
          </Space>
          {job.errors.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('members.importModal.errors', { count: job.errorCount })}
              </Typography.Title>
              {job.errorCount > job.errors.length && (
                <div className="muted">{t('members.importModal.moreErrors', { shown: job.errors.length })}</div>
              )}
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={job.errors}
                pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
                data-testid="import-errors"
                columns={[
                  { title: t('members.importModal.row'), dataIndex: 'row', width: 70 },
                  { title: t('members.importModal.column'), dataIndex: 'column', width: 150 },
                  { title: t('members.importModal.reason'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
