// One application: who, what, the declared facts, the conditions checked on the submission date, the attachments,
// the whole review trail, and the action the current step asks for.
import { Alert, Card, Descriptions, List, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { attachmentUrl, getApplication, listPolicies } from '../../api/talent-policies';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { PayoutCard, PublicityCard, ReviewCard } from './actions';
import { EvaluationView, StatusTag, Trail, yuan } from './parts';

export function ApplicationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const id = Number(useParams().id);
  const r = useRequest((signal) => getApplication(id, signal), [id]);
  const policies = useRequest((signal) => listPolicies(signal), []);
  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  if (!r.data) return <PageSpin />;
  const a = r.data;
  const review = can(me.roles, 'talent.review');
  const days = policies.data?.items.find((p) => p.docNo === a.policyDocNo)?.publicityDays ?? 5;
  const have = new Set(a.attachments.map((x) => x.kind));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="tp-application">
      <Link to="/talent-policies/applications">
        <ArrowLeftOutlined /> {t('talentPolicies.app.back')}
      </Link>
      <Card
        size="small"
        title={
          <Space wrap>
            #{a.id} {a.personName} · {a.itemName}
            <span data-testid="tp-app-status">
              <StatusTag status={a.status} />
            </span>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('talentPolicies.app.call')}>{a.callTitle}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.policy')}>{a.policyDocNo}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.employer')}>{a.employerName}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.district')}>{a.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.appliedAs')}>
            {a.appliedAs === 'self' ? t('talentPolicies.app.self') : t('talentPolicies.app.byEmployer')}
          </Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.submittedOn')}>
            {a.submittedOn} {a.resubmissions > 0 && t('talentPolicies.app.resubmissions', { n: a.resubmissions })}
          </Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.siMonths')}>{a.socialInsuranceMonths}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.taxMonths')}>{a.incomeTaxMonths}</Descriptions.Item>
          <Descriptions.Item label={t('talentPolicies.app.contractYears')}>{a.contractYears}</Descriptions.Item>
          {a.publicityStartsOn && (
            <Descriptions.Item label={t('talentPolicies.app.publicity')}>
              <span data-testid="tp-app-publicity">
                {a.publicityStartsOn} – {a.publicityEndsOn}
              </span>
            </Descriptions.Item>
          )}
          {a.amountFen !== null && <Descriptions.Item label={t('talentPolicies.app.amount')}>{yuan(a.amountFen)}</Descriptions.Item>}
          <Descriptions.Item label={t('talentPolicies.app.paid')}>{yuan(a.paidFen)}</Descriptions.Item>
          {a.clawedBackFen > 0 && <Descriptions.Item label={t('talentPolicies.app.clawedBack')}>{yuan(a.clawedBackFen)}</Descriptions.Item>}
        </Descriptions>
        {a.statement && <Typography.Paragraph type="secondary">{a.statement}</Typography.Paragraph>}
      </Card>
      {review && ['district_review', 'city_review', 'expert_review'].includes(a.status) && (
        <ReviewCard a={a} publicityDays={days} onDone={r.setData} />
      )}
      {review && a.status === 'publicity' && <PublicityCard a={a} onDone={r.setData} />}
      {a.payouts.length > 0 && <PayoutCard a={a} onDone={r.setData} />}
      <Card size="small" title={t('talentPolicies.app.trail')}>
        <Trail a={a} />
      </Card>
      <Card size="small" title={t('talentPolicies.app.attachments')}>
        <List
          size="small"
          dataSource={[
            ...a.attachments.map((x) => ({ key: `a${x.id}`, x })),
            ...a.requiredAttachments.filter((k) => !have.has(k)).map((k) => ({ key: k, x: null, k })),
          ]}
          renderItem={(row) =>
            row.x ? (
              <List.Item>
                {row.x.kind}：<a href={attachmentUrl('staff', a.id, row.x.id)}>{row.x.fileName}</a>
              </List.Item>
            ) : (
              <List.Item>
                <Typography.Text type="danger">
                  {t('talentPolicies.app.missing')} {'k' in row ? row.k : ''}
                </Typography.Text>
              </List.Item>
            )
          }
        />
      </Card>
      {a.evaluation && (
        <Card size="small" title={t('talentPolicies.app.evaluation')}>
          <EvaluationView e={a.evaluation} testId="tp-app-eval" />
        </Card>
      )}
      {a.expertScores.length > 0 && (
        <Card size="small" title={t('talentPolicies.app.expertScores')}>
          {a.expertScores.map((s) => (
            <div key={s.expertName}>
              {s.expertName}：{s.score} {s.comment}
            </div>
          ))}
        </Card>
      )}
    </Space>
  );
}
