// The development area's main page (replaced by the area's implementation).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function DevelopmentPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('development.title')}</Typography.Title>;
}
