// One quiz: its settings and draw rules (with what each rule is short of), publishing and closing,
// counts of sittings, and which of its questions most people miss.
import { Alert, Button, Descriptions, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { closeQuiz, getQuiz, publishQuiz, quizStats, type TQuiz } from '../../api/learning-quizzes';
import { useRequest } from '../../lib/use-request';
import { StatusTag } from './learning-quizzes-page';
import { QuizModal } from './quiz-modal';
import { StatsTable } from './stats-table';

type QType = 'single' | 'multiple' | 'judge' | 'fill';

type Rule = TQuiz['rules'][number];

export function QuizPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const quiz = useRequest((signal) => getQuiz(id, signal), [id]);
  const stats = useRequest((signal) => quizStats(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const q = quiz.data;
  const manage = can(me.roles, 'learning.manage');
  const act = async (fn: (id: number) => Promise<TQuiz>) => {
    setError(undefined);
    try {
      quiz.setData(await fn(id));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="page-card">
      {quiz.error !== undefined && <Alert type="error" showIcon title={errorText(quiz.error)} />}
      {q && (
        <>
          <Typography.Title level={4}>
            {q.title} <StatusTag s={q.status} />
          </Typography.Title>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          {manage && (
            <Space wrap style={{ marginBottom: 12 }}>
              {q.status !== 'closed' && <Button onClick={() => setEditing(true)}>{t('learningQuizzes.quiz.edit')}</Button>}
              {q.status === 'draft' && (
                <Button type="primary" onClick={() => void act(publishQuiz)}>
                  {t('learningQuizzes.quiz.publish')}
                </Button>
              )}
              {q.status === 'published' && <Button onClick={() => void act(closeQuiz)}>{t('learningQuizzes.quiz.close')}</Button>}
            </Space>
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
            <Descriptions.Item label={t('learningQuizzes.bank.org')}>{q.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.period')}>{`${q.opensOn} – ${q.closesOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.timeLimit')}>
              {t('learningQuizzes.quiz.minutes', { n: q.timeLimitMinutes })}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.maxAttempts')}>
              {q.maxAttempts ?? t('learningQuizzes.quiz.unlimited')}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.pass')}>{`${q.passPercent}%`}</Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.scoring')}>
              {t(`learningQuizzes.scoring.${q.multiScoring}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.hours')}>{q.hours}</Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.total')}>
              {t('learningQuizzes.quiz.totalValue', { n: q.questionCount, points: q.totalPoints })}
            </Descriptions.Item>
            <Descriptions.Item label={t('learningQuizzes.quiz.sittings')}>
              {t('learningQuizzes.quiz.sittingsValue', { attempts: q.attempts, learners: q.learners, passed: q.passedLearners })}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'rules',
            label: t('learningQuizzes.quiz.rules'),
            children: (
              <Table<Rule>
                rowKey={(r) => `${r.bankId}-${r.type}-${r.category ?? ''}`}
                size="small"
                pagination={false}
                dataSource={q?.rules ?? []}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('learningQuizzes.rule.bank'), dataIndex: 'bankName' },
                  { title: t('learningQuizzes.question.type'), dataIndex: 'type', render: (ty: QType) => t(`learningQuizzes.type.${ty}`) },
                  {
                    title: t('learningQuizzes.question.category'),
                    dataIndex: 'category',
                    render: (c: string | null) => c ?? t('learningQuizzes.rule.any'),
                  },
                  { title: t('learningQuizzes.rule.count'), dataIndex: 'count', align: 'right' },
                  { title: t('learningQuizzes.rule.points'), dataIndex: 'points', align: 'right' },
                  {
                    title: t('learningQuizzes.rule.shortfall'),
                    dataIndex: 'shortfall',
                    align: 'right',
                    render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : '0'),
                  },
                ]}
              />
            ),
          },
          { key: 'stats', label: t('learningQuizzes.stats.title'), children: <StatsTable req={stats} /> },
        ]}
      />
      {editing && q && (
        <QuizModal
          quiz={q}
          onClose={(saved) => {
            setEditing(false);
            if (saved) quiz.reload();
          }}
        />
      )}
    </div>
  );
}
