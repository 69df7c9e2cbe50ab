// 本单位柔性引才 (talent.employer): the employer's own agreements as cards, one column for a 375-px phone, with
// the on-site days promised, recorded and due, and recording the days the talent spent on site.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { listOwnAgreements, recordOwnDays, type TAgreementRow } from '../../api/talent-agreements';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { DaysModal } from './agreement-actions';
import { AgreementTags } from './agreement-parts';
import '../talent-portal/talent-portal.css';

export default function MyEmployerAgreementsPage() {
  const { t } = useTranslation();
  const r = useRequest((signal) => listOwnAgreements(signal), []);
  const [recording, setRecording] = useState<TAgreementRow>();

  if (r.error !== undefined) return <Alert type="error" showIcon title={errorText(r.error)} />;
  if (!r.data) return <PageSpin />;
  return (
    <div className="talent-portal" data-testid="my-employer-agreements">
      <Typography.Title level={4}>{t('talentAgreements.employerTitle')}</Typography.Title>
      {r.data.items.length === 0 && <Empty description={t('talentAgreements.employerEmpty')} />}
      {r.data.items.map((a) => (
        <Card
          key={a.id}
          size="small"
          title={`${a.personName} · ${t(`talentAgreements.form.${a.form}`)}`}
          extra={<AgreementTags r={a} />}
          data-testid="employer-agreement"
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('talentAgreements.col.home')}>{a.homeInstitution}</Descriptions.Item>
            <Descriptions.Item label={t('talentAgreements.col.term')}>{`${a.startsOn} ~ ${a.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('talentAgreements.col.promised')}>{a.onsiteDaysPromised}</Descriptions.Item>
            <Descriptions.Item label={t('talentAgreements.col.recorded')}>{a.onsiteDaysRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('talentAgreements.col.due')}>{a.onsiteDaysDue}</Descriptions.Item>
            <Descriptions.Item label={t('talentAgreements.col.deliverables')}>
              {`${a.deliverablesOpen} / ${a.deliverablesAccepted}`}
            </Descriptions.Item>
          </Descriptions>
          {a.status === 'active' && (
            <Button block onClick={() => setRecording(a)} data-testid="employer-record-days">
              {t('talentAgreements.recordDays')}
            </Button>
          )}
        </Card>
      ))}
      {recording && (
        <DaysModal
          onSave={(body) => recordOwnDays(recording.id, body)}
          onDone={() => {
            setRecording(undefined);
            r.reload();
          }}
          onClose={() => setRecording(undefined)}
        />
      )}
    </div>
  );
}
