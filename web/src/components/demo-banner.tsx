import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Demo deployments seed a fictional city and known passwords: say so on every page (SECURITY.md 7). */
export function DemoBanner() {
  const { t } = useTranslation();
  return <Alert type="warning" banner showIcon title={t('app.demoBanner')} className="demo-banner" data-testid="demo-mode" />;
}
