// Question banks and quizzes, the staff's side (learning.read; writes by learning.manage, import by
// learning.import, export by learning.export): the quizzes and banks of the subtree, a bank's questions
// with its import and export, a quiz's draw rules and which questions most people miss.
import { Alert, Button, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { createBank, listBanks, listQuizzes, type TBank, type TQuiz } from '../../api/learning-quizzes';
import { useRequest } from '../../lib/use-request';
import { validValues } from '../../lib/form-values';
import { BankPage } from './bank-page';
import { QuizModal } from './quiz-modal';
import { QuizPage } from './quiz-page';

export default function LearningQuizzesPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="banks/:id" element={<BankRoute />} />
      <Route path=":id" element={<QuizRoute />} />
    </Routes>
  );
}

function BankRoute() {
  const { id } = useParams();
  return <BankPage id={Number(id)} />;
}
function QuizRoute() {
  const { id } = useParams();
  return <QuizPage id={Number(id)} />;
}

function Overview() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('quizzes');
  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('learningQuizzes.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('learningQuizzes.noRanking')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'quizzes', label: t('learningQuizzes.tabs.quizzes'), children: <QuizzesTable /> },
          { key: 'banks', label: t('learningQuizzes.tabs.banks'), children: <BanksTable /> },
        ]}
      />
    </div>
  );
}

const TYPES = ['single', 'multiple', 'judge', 'fill'] as const;

function BanksTable() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const banks = useRequest((signal) => listBanks({ q: q || undefined }, signal), [q]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('learningQuizzes.bank.search')} onSearch={setQ} style={{ width: 240 }} />
        {can(me.roles, 'learning.manage') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('learningQuizzes.bank.create')}
          </Button>
        )}
      </Space>
      {banks.error !== undefined && <Alert type="error" showIcon title={errorText(banks.error)} />}
      <Table<TBank>
        rowKey="id"
        size="small"
        loading={banks.loading}
        dataSource={banks.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(b) => ({ onClick: () => navigate(`banks/${b.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('learningQuizzes.bank.name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
          { title: t('learningQuizzes.bank.org'), dataIndex: 'orgName' },
          { title: t('learningQuizzes.bank.count'), dataIndex: 'questionCount', align: 'right' },
          ...TYPES.map((ty) => ({
            title: t(`learningQuizzes.type.${ty}`),
            key: ty,
            align: 'right' as const,
            render: (_: unknown, b: TBank) => b.counts[ty],
          })),
        ]}
      />
      {creating && (
        <CreateBankModal
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(`banks/${id}`);
          }}
        />
      )}
    </>
  );
}

function CreateBankModal({ onClose }: { onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ok = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const b = await createBank({ name: v.name.trim(), description: v.description?.trim() ?? '' });
      onClose(b.id);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('learningQuizzes.bank.create')}
      onCancel={() => onClose()}
      onOk={() => void ok()}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('learningQuizzes.bank.name')}
          rules={[{ required: true, whitespace: true, message: t('learningQuizzes.bank.nameRequired') }]}
        >
          <Input data-testid="bank-name" />
        </Form.Item>
        <Form.Item name="description" label={t('learningQuizzes.bank.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function QuizzesTable() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const quizzes = useRequest((signal) => listQuizzes({}, signal), []);
  return (
    <>
      {can(me.roles, 'learning.manage') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('learningQuizzes.quiz.create')}
        </Button>
      )}
      {quizzes.error !== undefined && <Alert type="error" showIcon title={errorText(quizzes.error)} />}
      <Table<TQuiz>
        rowKey="id"
        size="small"
        loading={quizzes.loading}
        dataSource={quizzes.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(q) => ({ onClick: () => navigate(String(q.id)), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('learningQuizzes.quiz.title'), dataIndex: 'title', render: (v: string) => <a>{v}</a> },
          { title: t('learningQuizzes.bank.org'), dataIndex: 'orgName' },
          { title: t('learningQuizzes.quiz.status'), dataIndex: 'status', render: (s: TQuiz['status']) => <StatusTag s={s} /> },
          { title: t('learningQuizzes.quiz.period'), key: 'period', render: (_: unknown, q: TQuiz) => `${q.opensOn} – ${q.closesOn}` },
          { title: t('learningQuizzes.quiz.questions'), dataIndex: 'questionCount', align: 'right' },
          { title: t('learningQuizzes.quiz.learners'), dataIndex: 'learners', align: 'right' },
          { title: t('learningQuizzes.quiz.passedLearners'), dataIndex: 'passedLearners', align: 'right' },
        ]}
      />
      {creating && (
        <QuizModal
          onClose={(id) => {
            setCreating(false);
            if (id) navigate(String(id));
          }}
        />
      )}
    </>
  );
}

export function StatusTag({ s }: { s: TQuiz['status'] }) {
  const { t } = useTranslation();
  return <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'default' : 'orange'}>{t(`learningQuizzes.status.${s}`)}</Tag>;
}
