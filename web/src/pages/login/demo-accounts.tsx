// The demo city's accounts (demo mode only, SECURITY.md 7); a click fills the form.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const DEMO_PASSWORD = 'Demo@2026';
const ACCOUNTS = [
  'city-admin',
  'district-admin',
  'branch-admin',
  'sysadmin',
  'secadmin',
  'auditor',
  'cadre-officer',
  'cadre-officer-district',
  'cadre',
] as const;

export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      className="demo-banner demo-accounts"
      data-testid="demo-banner"
      title={t('login.demoTitle')}
      description={
        <div>
          <div>{t('login.demoHint', { password: DEMO_PASSWORD })}</div>
          <div data-testid="demo-second-factor">{t('login.demoSecondFactor')}</div>
          <ul style={{ paddingInlineStart: 18, margin: '4px 0 0' }}>
            {ACCOUNTS.map((name) => (
              <li key={name}>
                <Typography.Link onClick={() => onPick(name, DEMO_PASSWORD)} className="mono">
                  {name}
                </Typography.Link>
                <span style={{ marginInlineStart: 8, color: '#666' }}>{t(`login.demoAccounts.${name}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      }
    />
  );
}
