// 组织关系转接: outgoing, incoming and overdue letters, and member status changes, as tabs.
import { useState } from 'react';
import { Button, Space, Tabs, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { LettersTab } from './letters-tab';
import { NewTransferModal } from './new-transfer-modal';
import { IncomingModal } from './incoming-modal';
import { StatusTab } from './status-tab';

const TABS = ['out', 'in', 'overdue', 'status'] as const;
type Tab = (typeof TABS)[number];

function TransfersHome() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const loc = useLocation();
  const tab: Tab = TABS.find((k) => loc.pathname.endsWith(`/${k}`)) ?? 'out';
  const [dialog, setDialog] = useState<'new' | 'incoming' | null>(null);
  const [generation, setGeneration] = useState(0);
  const writable = can(me.roles, 'transfer.write');
  const done = () => {
    setDialog(null);
    setGeneration((g) => g + 1);
  };

  return (
    <div className="page-card">
      <div className="org-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('transfers.title')}
        </Typography.Title>
        {writable && (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')} data-testid="transfer-new">
              {t('transfers.newLetter')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setDialog('incoming')} data-testid="transfer-incoming">
              {t('transfers.registerIncoming')}
            </Button>
          </Space>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/transfers/${k}`)}
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`transfer-tab-${k}`}>{t(`transfers.tabs.${k}`)}</span>,
          children: k === 'status' ? <StatusTab /> : <LettersTab key={`${k}-${generation}`} box={k} />,
        }))}
      />
      {dialog === 'new' && <NewTransferModal onCancel={() => setDialog(null)} onDone={done} />}
      {dialog === 'incoming' && <IncomingModal onCancel={() => setDialog(null)} onDone={done} />}
    </div>
  );
}

export default function TransfersPage() {
  return (
    <Routes>
      <Route path="*" element={<TransfersHome />} />
    </Routes>
  );
}
