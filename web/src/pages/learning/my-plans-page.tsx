// 我的学习计划 (issue 14 point 7), phone first: each plan with its period, the hours required and done
// (credited by the server), its materials with the learner's own time on each, and its quizzes.
// Only the learner's own figures: no ranking of anyone (RULES.md §9).
import { Alert, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/client';
import { getMyPlans } from '../../api/learning';
import { useRequest } from '../../lib/use-request';
import { clock } from './learning-format';

export default function MyPlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const req = useRequest((signal) => getMyPlans(signal), []);
  const plans = req.data?.items ?? [];
  return (
    <div className="page-card" data-testid="my-learning-plans">
      <Typography.Title level={4}>{t('learning.my.title')}</Typography.Title>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {req.data && !plans.length && <Empty description={t('learning.my.none')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {plans.map((p) => (
          <Card
            key={p.id}
            size="small"
            data-testid={`my-plan-${p.id}`}
            title={
              <span style={{ whiteSpace: 'normal' }}>
                {p.title} <Tag>{t(`learning.status.${p.status}`)}</Tag>
              </span>
            }
          >
            <div className="muted">
              {p.orgName} · {t('learning.my.period', { from: p.startsOn, to: p.endsOn })}
            </div>
            <Space wrap style={{ margin: '6px 0' }}>
              <span>{t('learning.my.required', { h: p.requiredHours })}</span>
              <strong>{t('learning.my.earned', { h: p.earnedHours })}</strong>
              <Tag color={p.completed ? 'green' : 'default'}>{p.completed ? t('learning.my.done') : t('learning.my.notDone')}</Tag>
            </Space>
            <Progress percent={p.requiredHours ? Math.min(100, Math.floor((p.earnedHours / p.requiredHours) * 100)) : 100} size="small" />
            <List
              size="small"
              dataSource={p.materials}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    <Button
                      key="study"
                      size="small"
                      type="link"
                      onClick={() => navigate(`/my/learning/materials/${m.refId}`)}
                      data-testid={`study-${m.refId}`}
                    >
                      {t('learning.my.study')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={<span style={{ whiteSpace: 'normal' }}>{m.title}</span>}
                    description={`${clock(m.creditedSeconds)} / ${clock(m.lengthSeconds)}`}
                  />
                </List.Item>
              )}
            />
            {p.quizzes.map((q) => (
              <Tag key={q.refId} color={q.done ? 'green' : 'default'}>
                {t('learning.my.quiz', { id: q.refId })} · {q.done ? t('learning.my.quizDone') : t('learning.my.quizTodo')}
              </Tag>
            ))}
          </Card>
        ))}
      </Space>
    </div>
  );
}
