// Placeholder page, replaced by the area's owner.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

export default function MeetingsPage() {
  const { t } = useTranslation();
  return <Card title={t('meetings.title')} />;
}
