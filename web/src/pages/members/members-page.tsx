// The members area's main page (replaced by the area's implementation).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function MembersPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('members.title')}</Typography.Title>;
}
