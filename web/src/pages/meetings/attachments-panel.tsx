// A meeting's attachments: upload (checked again by the server: type by content, 10 MB, 20 files),
// download (audited) and delete.
import { useState } from 'react';
import { Alert, App, Button, List, Popconfirm, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { deleteAttachment, downloadAttachment, uploadAttachment, type TAttachment, type TMeetingDetail } from '../../api/meetings';
import { formatMinute } from '../../lib/dates';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx';
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function AttachmentsPanel({ m, writable, onChanged }: { m: TMeetingDetail; writable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (fn: () => Promise<unknown>, done?: string, reload = true) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      if (done) void message.success(done);
      if (reload) onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="no-print" data-testid="meeting-attachments">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="attachment-error" />}
      <List<TAttachment>
        size="small"
        bordered
        dataSource={m.attachments}
        locale={{ emptyText: t('meetings.detail.none') }}
        header={
          <div className="filter-bar" style={{ marginBottom: 0 }}>
            <strong>{t('meetings.detail.attachments')}</strong>
            <span className="muted">{t('meetings.detail.uploadHint')}</span>
            <span style={{ flex: 1 }} />
            {writable && m.status !== 'cancelled' && (
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                disabled={busy}
                multiple
                beforeUpload={(file) => {
                  void act(() => uploadAttachment(m.id, file), t('meetings.detail.uploaded', { name: file.name }));
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">
                  {t('meetings.detail.upload')}
                </Button>
              </Upload>
            )}
          </div>
        }
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="d"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void act(() => downloadAttachment(m.id, a), undefined, false)}
              >
                {t('meetings.detail.download')}
              </Button>,
              ...(writable
                ? [
                    <Popconfirm
                      key="r"
                      title={t('meetings.detail.removeConfirm', { name: a.fileName })}
                      onConfirm={() => act(() => deleteAttachment(m.id, a.id))}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        {t('meetings.detail.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={a.fileName}
              description={`${size(a.sizeBytes)} · ${a.uploadedBy ?? ''} · ${formatMinute(a.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
