// One meeting: the 会议记录 (printable on its own), warnings, attachments, and the actions of its
// state: edit, record a planned meeting as held, cancel, print.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, App, Button, Drawer, Popconfirm, Space, Spin } from 'antd';
import { CheckCircleOutlined, EditOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getMeeting, updateMeeting, type TMeetingDetail } from '../../api/meetings';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { AttachmentsPanel } from './attachments-panel';
import { MeetingRecordSheet } from './meeting-record-sheet';

export function MeetingDetailDrawer({
  id,
  onClose,
  onEdit,
  onChanged,
}: {
  id: Id;
  onClose: () => void;
  onEdit: (m: TMeetingDetail, mode: 'edit' | 'hold') => void;
  onChanged: (m: TMeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const req = useRequest((signal) => getMeeting(id, signal), [id]);
  const m = req.data;
  const writable = can(me.roles, 'life.write');
  const [busy, setBusy] = useState(false);

  const cancel = async (x: TMeetingDetail) => {
    setBusy(true);
    try {
      const next = await updateMeeting(x.id, { version: x.version, status: 'cancelled' });
      req.setData(next);
      onChanged(next);
      void message.success(t('meetings.detail.cancelled'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const actions = m && (
    <Space>
      {writable && m.status === 'planned' && (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => onEdit(m, 'hold')} data-testid="meeting-hold">
          {t('meetings.detail.hold')}
        </Button>
      )}
      {writable && m.status !== 'cancelled' && (
        <Button icon={<EditOutlined />} onClick={() => onEdit(m, 'edit')} data-testid="meeting-edit">
          {t('meetings.detail.edit')}
        </Button>
      )}
      {writable && m.status !== 'cancelled' && (
        <Popconfirm title={t('meetings.detail.cancelConfirm')} onConfirm={() => cancel(m)}>
          <Button danger icon={<StopOutlined />} loading={busy}>
            {t('meetings.detail.cancel')}
          </Button>
        </Popconfirm>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="meeting-print">
        {t('meetings.detail.print')}
      </Button>
    </Space>
  );

  return (
    <Drawer
      open
      width={860}
      title={m ? m.topic : t('meetings.detail.title')}
      onClose={onClose}
      extra={actions}
      data-testid="meeting-detail"
    >
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {!m && req.loading && <Spin />}
      {m && (
        <>
          {m.warnings.map((w) => (
            <Alert
              key={w}
              type="warning"
              showIcon
              title={w}
              style={{ marginBottom: 8 }}
              className="no-print"
              data-testid="meeting-warning"
            />
          ))}
          <MeetingRecordSheet m={m} />
          <AttachmentsPanel m={m} writable={writable} onChanged={req.reload} />
          {createPortal(
            <div className="meeting-print-root">
              <MeetingRecordSheet m={m} />
            </div>,
            document.body,
          )}
        </>
      )}
    </Drawer>
  );
}
