// A learner's certificates of completion on a phone (issue 14 point 7): download each as PDF.
import { Alert, App, Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { downloadMyCertificate, myCertificates } from '../../api/learning-classes';
import { useRequest } from '../../lib/use-request';
import './learning-classes.css';

export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const req = useRequest((signal) => myCertificates(signal), []);
  return (
    <div className="lc-phone">
      <Typography.Title level={4}>{t('learningClasses.my.certificates')}</Typography.Title>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {req.data && !req.data.items.length && <Empty description={t('learningClasses.my.noCertificates')} />}
      {req.data?.items.map((c) => (
        <Card key={c.traineeId} size="small" title={c.classTitle}>
          <div>{`${c.startDate} ~ ${c.endDate} · ${c.hours}`}</div>
          <div>{`${t('learningClasses.my.code')}：${c.code}`}</div>
          <Button type="link" onClick={() => downloadMyCertificate(c.traineeId).catch((e) => message.error(errorText(e)))}>
            {t('learningClasses.my.download')}
          </Button>
        </Card>
      ))}
    </div>
  );
}
