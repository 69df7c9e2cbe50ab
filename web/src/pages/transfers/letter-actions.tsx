// The buttons a letter offers to the caller's side in its state: print, receive, confirm, return.
import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { confirmTransfer, letterPdfUrl, receiveTransfer, returnTransfer, type TTransferRow } from '../../api/transfers';

export function LetterActions({ row, onChanged }: { row: TTransferRow; onChanged: (r: TTransferRow) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const run = (p: Promise<TTransferRow>) =>
    p.then(
      (r) => {
        onChanged(r);
        void message.success(t('transfers.done'));
      },
      (e) => void message.error(errorText(e)),
    );
  const open = row.status === 'issued' || row.status === 'received';
  const writable = can(me.roles, 'transfer.write');
  // Who acts mirrors the server's rule (domain/rules/transfers.ts stepAllowed); the server decides.
  const acting = row.kind === 'out_of_city' ? 'sender' : 'receiver';
  const mine = row.sides.includes(acting);
  const id = row.letterNo;

  return (
    <Space size={4} wrap>
      <Button size="small" type="link" href={letterPdfUrl(row.id)} target="_blank" data-testid={`transfer-print-${id}`}>
        {t('transfers.act.print')}
      </Button>
      {writable && open && mine && row.kind === 'within_city' && row.status === 'issued' && (
        <Button size="small" type="link" onClick={() => run(receiveTransfer(row.id))} data-testid={`transfer-receive-${id}`}>
          {t('transfers.act.receive')}
        </Button>
      )}
      {writable && open && mine && !row.overdue && (row.kind !== 'within_city' || row.status === 'received') && (
        <Popconfirm
          title={t(row.kind === 'out_of_city' ? 'transfers.receiptText' : 'transfers.confirmText')}
          onConfirm={() => run(confirmTransfer(row.id))}
          okButtonProps={{ 'data-testid': 'transfer-confirm-ok' }}
        >
          <Button size="small" type="link" data-testid={`transfer-confirm-${id}`}>
            {t(row.kind === 'out_of_city' ? 'transfers.act.receipt' : 'transfers.act.confirm')}
          </Button>
        </Popconfirm>
      )}
      {writable && open && (mine || (row.overdue && row.sides.includes('sender'))) && (
        <Button size="small" type="link" danger onClick={() => setReturning(true)} data-testid={`transfer-return-${id}`}>
          {t('transfers.act.return')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('transfers.returnTitle')}
        onCancel={() => setReturning(false)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onOk={() => run(returnTransfer(row.id, reason.trim())).then(() => setReturning(false))}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('transfers.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          count={{ max: 200 }}
        />
      </Modal>
    </Space>
  );
}
