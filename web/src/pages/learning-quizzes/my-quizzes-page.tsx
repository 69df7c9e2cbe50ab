// A learner's quizzes (learning.self), phone first: the list with their own best score, a sitting with
// its timer, and the grade with the key and explanations after submission.
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { myQuizzes, startAttempt, type TMyQuiz } from '../../api/learning-quizzes';
import { useRequest } from '../../lib/use-request';
import { AttemptView } from './attempt-view';

export default function MyQuizzesPage() {
  return (
    <Routes>
      <Route index element={<QuizList />} />
      <Route path="attempts/:id" element={<AttemptRoute />} />
    </Routes>
  );
}

function AttemptRoute() {
  const { id } = useParams();
  return <AttemptView id={Number(id)} />;
}

function QuizList() {
  const { t } = useTranslation();
  const list = useRequest((signal) => myQuizzes(signal), []);
  return (
    <div className="page-card my-quizzes">
      <Typography.Title level={4}>{t('learningQuizzes.my.title')}</Typography.Title>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      {list.data && list.data.items.length === 0 && <Empty description={t('learningQuizzes.my.none')} />}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {list.data?.items.map((q) => (
          <QuizCard key={q.id} q={q} />
        ))}
      </Space>
    </div>
  );
}

function QuizCard({ q }: { q: TMyQuiz }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const a = await startAttempt(q.id);
      navigate(`attempts/${a.id}`);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<span className="wrap-title">{q.title}</span>} data-testid={`quiz-${q.id}`}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {q.orgName} · {q.opensOn} – {q.closesOn}
      </Typography.Paragraph>
      {q.description && <Typography.Paragraph>{q.description}</Typography.Paragraph>}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('learningQuizzes.my.facts', {
          n: q.questionCount,
          points: q.totalPoints,
          minutes: q.timeLimitMinutes,
          pass: q.passPercent,
        })}
        {q.hours > 0 && ` · ${t('learningQuizzes.my.hours', { h: q.hours })}`}
      </Typography.Paragraph>
      <Space wrap>
        {q.passed ? <Tag color="green">{t('learningQuizzes.my.passed')}</Tag> : null}
        {q.bestPercent !== null && <Tag>{t('learningQuizzes.my.best', { p: q.bestPercent })}</Tag>}
        <Tag>
          {q.maxAttempts === null
            ? t('learningQuizzes.my.usedUnlimited', { n: q.attemptsUsed })
            : t('learningQuizzes.my.used', { n: q.attemptsUsed, max: q.maxAttempts })}
        </Tag>
        {q.window !== 'open' && <Tag color="default">{t(`learningQuizzes.window.${q.window}`)}</Tag>}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Space wrap style={{ marginTop: 12 }}>
        {q.canStart && (
          <Button type="primary" loading={busy} onClick={() => void start()}>
            {q.openAttemptId ? t('learningQuizzes.my.resume') : t('learningQuizzes.my.start')}
          </Button>
        )}
        {q.lastAttemptId && <Button onClick={() => navigate(`attempts/${q.lastAttemptId}`)}>{t('learningQuizzes.my.result')}</Button>}
      </Space>
    </Card>
  );
}
