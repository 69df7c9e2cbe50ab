// 我的人才信息 (talent.self): the talent's own record, card and documents, the consent they gave, and
// the way to their applications and service requests. One column for a 375-px phone.
import { Alert, App, Card, Descriptions, List, Result, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { downloadMyDocument, myTalent } from '../../api/talent-portal';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import MyRecognitionCard from './my-recognition-card';
import './talent-portal.css';

export default function MyTalentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const r = useRequest((signal) => myTalent(signal), []);
  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  if (!r.data) return <PageSpin />;
  const { person, documents, consents } = r.data;
  return (
    <div className="talent-portal" data-testid="my-talent">
      <Typography.Title level={4}>{t('talentPortal.talent.title')}</Typography.Title>
      {!person ? (
        <Result status="info" title={t('talentPortal.talent.noRecord')} />
      ) : (
        <>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('talentPortal.talent.name')}>
                <span data-testid="my-talent-name">{person.name}</span>
              </Descriptions.Item>
              {person.phone && <Descriptions.Item label={t('talentPortal.talent.phone')}>{person.phone}</Descriptions.Item>}
              {person.email && <Descriptions.Item label={t('talentPortal.talent.email')}>{person.email}</Descriptions.Item>}
              <Descriptions.Item label={t('talentPortal.talent.district')}>{person.districtName}</Descriptions.Item>
              {person.employerName && (
                <Descriptions.Item label={t('talentPortal.talent.employer')}>{person.employerName}</Descriptions.Item>
              )}
              {person.field && <Descriptions.Item label={t('talentPortal.talent.field')}>{person.field}</Descriptions.Item>}
              {person.tierName && <Descriptions.Item label={t('talentPortal.talent.tier')}>{person.tierName}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('talentPortal.talent.card')} size="small">
            {person.cardNo ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('talentPortal.talent.cardNo')}>{person.cardNo}</Descriptions.Item>
                <Descriptions.Item label={t('talentPortal.talent.cardExpires')}>{person.cardExpiresOn}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('talentPortal.talent.noCard')}</Typography.Text>
            )}
          </Card>
          <Card title={t('talentPortal.talent.documents')} size="small">
            <List
              size="small"
              dataSource={documents}
              locale={{ emptyText: t('talentPortal.talent.noDocuments') }}
              renderItem={(d) => (
                <List.Item>
                  <Typography.Link
                    onClick={() => downloadMyDocument(d.id, d.fileName).catch((e: unknown) => void message.error(errorText(e)))}
                    data-testid="my-document"
                  >
                    {d.fileName}
                  </Typography.Link>{' '}
                  <Typography.Text type="secondary">{dayjs(d.uploadedAt).format('YYYY-MM-DD')}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <MyRecognitionCard />
        </>
      )}
      <Card size="small">
        <Space direction="vertical">
          <Link to="/my/talent/applications">{t('talentPortal.talent.applications')}</Link>
          <Link to="/my/talent/services">{t('talentPortal.talent.services')}</Link>
        </Space>
      </Card>
      <Card title={t('talentPortal.talent.consents')} size="small">
        {consents.map((c) => (
          <div key={c.acceptedAt} data-testid="my-talent-consent">
            {t('talentPortal.talent.consentLine', { version: c.version, at: dayjs(c.acceptedAt).format('YYYY-MM-DD HH:mm') })}
          </div>
        ))}
      </Card>
    </div>
  );
}
