// The learner's hub (issue 14 point 7): links to plans, materials, quizzes, classes, hours and certificates,
// with this year's hours against the requirement. Built for a 375-px phone first.
import { Alert, Card, Typography } from 'antd';
import { BookOutlined, FileDoneOutlined, FormOutlined, ReadOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { getMyHours } from '../../api/learning-hours';
import { useRequest } from '../../lib/use-request';
import { HoursSummary } from './hours-parts';

const LINKS = [
  { to: '/my/learning/plans', key: 'plans', icon: <ReadOutlined /> },
  { to: '/my/learning/materials', key: 'materials', icon: <BookOutlined /> },
  { to: '/my/learning/quizzes', key: 'quizzes', icon: <FormOutlined /> },
  { to: '/my/learning/classes', key: 'classes', icon: <TeamOutlined /> },
  { to: '/my/learning/hours', key: 'hours', icon: <FileDoneOutlined /> },
  { to: '/my/learning/certificates', key: 'certificates', icon: <SafetyCertificateOutlined /> },
] as const;

export default function MyLearningPage() {
  const { t } = useTranslation();
  const req = useRequest((signal) => getMyHours(undefined, signal), []);
  const a = req.data?.archive;
  return (
    <div className="page-card my-learning" data-testid="my-learning">
      <Typography.Title level={4}>{t('learningHours.hub.title')}</Typography.Title>
      {req.error !== undefined && <Alert type="warning" showIcon title={errorText(req.error)} />}
      {a && (
        <Link to="/my/learning/hours">
          <Card size="small" title={t('learningHours.hub.hoursThisYear', { year: a.year })} style={{ marginBottom: 12 }}>
            <HoursSummary a={a} />
          </Card>
        </Link>
      )}
      <div className="my-learning-links">
        {LINKS.map((l) => (
          <Link key={l.key} to={l.to} className="my-learning-link" data-testid={`learning-link-${l.key}`}>
            <span className="my-learning-icon">{l.icon}</span>
            <span>{t(`learningHours.hub.${l.key}`)}</span>
          </Link>
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('learningHours.hub.noBurden')}
      </Typography.Paragraph>
    </div>
  );
}
