// Which questions most people miss (of a quiz or a bank): counts of answers, never names (RULES.md §9).
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { TQuestionStats } from '../../api/learning-quizzes';
import type { RequestState } from '../../lib/use-request';

type QType = 'single' | 'multiple' | 'judge' | 'fill';

type Row = TQuestionStats['items'][number];

export function StatsTable({ req }: { req: RequestState<TQuestionStats> }) {
  const { t } = useTranslation();
  const s = req.data;
  return (
    <>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {s && (
        <Typography.Paragraph type="secondary">
          {t('learningQuizzes.stats.summary', { n: s.attempts, avg: s.averagePercent ?? '—' })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="questionId"
        size="small"
        loading={req.loading}
        dataSource={s?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('learningQuizzes.question.type'), dataIndex: 'type', render: (ty: QType) => t(`learningQuizzes.type.${ty}`) },
          { title: t('learningQuizzes.question.stem'), dataIndex: 'stem', width: 420 },
          { title: t('learningQuizzes.question.category'), dataIndex: 'category' },
          { title: t('learningQuizzes.stats.answered'), dataIndex: 'answered', align: 'right' },
          { title: t('learningQuizzes.stats.missed'), dataIndex: 'missed', align: 'right' },
          {
            title: t('learningQuizzes.stats.missRate'),
            dataIndex: 'missRate',
            align: 'right',
            render: (r: number) => `${Math.round(r * 1000) / 10}%`,
          },
        ]}
      />
    </>
  );
}
