// Placeholder page, replaced by the area's owner.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

export default function DashboardPage() {
  const { t } = useTranslation();
  return <Card title={t('dashboard.title')} />;
}
