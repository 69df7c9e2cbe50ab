// One 人才分类认定 for the office: the claim and its evidence, the result (a tier and a card, or a reasoned
// refusal), the action of the current step, the expert panel, the objections and the review trail.
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { getRecognition } from '../../api/talent';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { RecognitionActions } from './recognition-actions';
import { ExpertPanel, ObjectionList, RecognitionClaim, RecognitionResult, RecognitionTrail } from './recognition-dossier';
import { STATUS_COLOR } from './recognition-status';

export default function RecognitionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const id = Number(useParams().id);
  const req = useRequest((s) => getRecognition(id, s), [id]);
  const r = req.data;
  return (
    <div className="page-card" data-testid="talent-recognition">
      <Link to="/talent/recognitions">{t('talent.recognition.back')}</Link>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {r && (
        <>
          <Space wrap align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <Link to={`/talent/people/${r.personId}`}>{r.personName}</Link>
            </Typography.Title>
            <Tag color={STATUS_COLOR[r.status]} data-testid="recognition-status-tag">
              {t(`talent.recognition.status.${r.status}`)}
            </Tag>
          </Space>
          <RecognitionResult r={r} />
          {can(me.roles, 'talent.review') && <RecognitionActions r={r} onDone={req.setData} />}
          <RecognitionClaim r={r} />
          <ExpertPanel r={r} />
          <ObjectionList r={r} />
          <RecognitionTrail r={r} />
        </>
      )}
    </div>
  );
}
