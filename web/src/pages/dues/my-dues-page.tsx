// A member's own dues (member.self): current base, arrears, month by month and payments.
// Wire as a route guarded by 'member.self' (see the dues report); it needs users.member_id set.
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMyDues } from '../../api/dues';
import { useRequest } from '../../lib/use-request';
import { DuesAccount, Ledger, Payments } from './member-dues-drawer';

export default function MyDuesPage() {
  const { t } = useTranslation();
  const acc = useRequest((signal) => getMyDues(signal), []);
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('dues.title')}</Typography.Title>
      {acc.error !== undefined && <Alert type="error" showIcon title={errorText(acc.error)} />}
      {acc.data && <DuesAccount a={acc.data} />}
      {acc.data && (
        <Tabs
          size="small"
          items={[
            { key: 'ledger', label: t('dues.member.ledger'), children: <Ledger a={acc.data} /> },
            { key: 'payments', label: t('dues.member.payments'), children: <Payments rows={acc.data.payments} /> },
          ]}
        />
      )}
    </div>
  );
}
