// One bank: its questions (filtered by type, category, difficulty, text), adding and editing a
// question, the import with its report, the export with a purpose, and the questions most missed.
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import {
  addQuestion,
  bankStats,
  deleteQuestion,
  exportBank,
  getBank,
  importBank,
  listQuestions,
  updateQuestion,
  type TImportReport,
  type TQuestion,
  type TQuestionInput,
} from '../../api/learning-quizzes';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import { validValues } from '../../lib/form-values';
import { StatsTable } from './stats-table';

type QType = 'single' | 'multiple' | 'judge' | 'fill';

const TYPES = ['single', 'multiple', 'judge', 'fill'] as const;
const PAGE = 20;
const DIFFICULTY: Record<number, 'easy' | 'medium' | 'hard'> = { 1: 'easy', 2: 'medium', 3: 'hard' };

export function BankPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const bank = useRequest((signal) => getBank(id, signal), [id]);
  const [filter, setFilter] = useState<{ type?: string; category?: string; difficulty?: number; q?: string }>({});
  const [offset, setOffset] = useState(0);
  const [tick, setTick] = useState(0);
  const questions = useRequest((signal) => listQuestions(id, { ...filter, offset, limit: PAGE }, signal), [id, filter, offset, tick]);
  const stats = useRequest((signal) => bankStats(id, signal), [id]);
  const [modal, setModal] = useState<'import' | 'export' | 'add' | TQuestion | null>(null);
  const reload = () => {
    setTick((x) => x + 1);
    bank.reload();
  };
  const b = bank.data;
  const editable = !!b?.editable && can(me.roles, 'learning.manage');
  const categories = [...new Set((b?.categories ?? []).map((c) => c.category))];

  return (
    <div className="page-card">
      {bank.error !== undefined && <Alert type="error" showIcon title={errorText(bank.error)} />}
      {b && (
        <>
          <Typography.Title level={4}>{b.name}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {b.orgName} · {t('learningQuizzes.bank.total', { n: b.questionCount })} ·{' '}
            {TYPES.map((ty) => `${t(`learningQuizzes.type.${ty}`)} ${b.counts[ty]}`).join(' · ')}
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            {editable && can(me.roles, 'learning.import') && (
              <Button onClick={() => setModal('import')}>{t('learningQuizzes.import.button')}</Button>
            )}
            {can(me.roles, 'learning.export') && <Button onClick={() => setModal('export')}>{t('common.export')}</Button>}
            {editable && (
              <Button type="primary" onClick={() => setModal('add')}>
                {t('learningQuizzes.question.add')}
              </Button>
            )}
          </Space>
        </>
      )}
      <Tabs
        items={[
          {
            key: 'questions',
            label: t('learningQuizzes.bank.questions'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    placeholder={t('learningQuizzes.question.type')}
                    style={{ width: 120 }}
                    options={TYPES.map((ty) => ({ value: ty, label: t(`learningQuizzes.type.${ty}`) }))}
                    onChange={(type?: string) => (setOffset(0), setFilter((f) => ({ ...f, type })))}
                  />
                  <Select
                    allowClear
                    placeholder={t('learningQuizzes.question.category')}
                    style={{ width: 140 }}
                    options={categories.map((c) => ({ value: c, label: c || t('learningQuizzes.question.noCategory') }))}
                    onChange={(category?: string) => (setOffset(0), setFilter((f) => ({ ...f, category })))}
                  />
                  <Select
                    allowClear
                    placeholder={t('learningQuizzes.question.difficulty')}
                    style={{ width: 100 }}
                    options={[1, 2, 3].map((d) => ({ value: d, label: t(`learningQuizzes.difficulty.${DIFFICULTY[d] ?? 'medium'}`) }))}
                    onChange={(difficulty?: number) => (setOffset(0), setFilter((f) => ({ ...f, difficulty })))}
                  />
                  <Input.Search
                    allowClear
                    placeholder={t('learningQuizzes.question.search')}
                    onSearch={(q) => (setOffset(0), setFilter((f) => ({ ...f, q: q || undefined })))}
                  />
                </Space>
                <Table<TQuestion>
                  rowKey="id"
                  size="small"
                  loading={questions.loading}
                  dataSource={questions.data?.items ?? []}
                  scroll={{ x: 'max-content' }}
                  pagination={{
                    current: offset / PAGE + 1,
                    pageSize: PAGE,
                    total: questions.data?.total ?? 0,
                    showSizeChanger: false,
                    onChange: (p) => setOffset((p - 1) * PAGE),
                  }}
                  columns={[
                    {
                      title: t('learningQuizzes.question.type'),
                      dataIndex: 'type',
                      render: (ty: QType) => t(`learningQuizzes.type.${ty}`),
                    },
                    { title: t('learningQuizzes.question.stem'), dataIndex: 'stem', width: 420 },
                    { title: t('learningQuizzes.question.answer'), dataIndex: 'answerText' },
                    { title: t('learningQuizzes.question.category'), dataIndex: 'category' },
                    {
                      title: t('learningQuizzes.question.difficulty'),
                      dataIndex: 'difficulty',
                      render: (d: number) => t(`learningQuizzes.difficulty.${DIFFICULTY[d] ?? 'medium'}`),
                    },
                    ...(editable
                      ? [
                          {
                            title: '',
                            key: 'edit',
                            render: (_: unknown, q: TQuestion) => <a onClick={() => setModal(q)}>{t('learningQuizzes.question.edit')}</a>,
                          },
                        ]
                      : []),
                  ]}
                />
              </>
            ),
          },
          { key: 'stats', label: t('learningQuizzes.stats.title'), children: <StatsTable req={stats} /> },
        ]}
      />
      {modal === 'import' && (
        <ImportModal
          bankId={id}
          onClose={(applied) => {
            setModal(null);
            if (applied) reload();
          }}
        />
      )}
      {modal === 'export' && b && (
        <ExportPurposeModal
          title={t('learningQuizzes.export.title')}
          notice={t('learningQuizzes.export.notice', { n: b.questionCount })}
          onExport={(purpose) => exportBank(id, purpose)}
          onClose={() => setModal(null)}
        />
      )}
      {(modal === 'add' || (modal && typeof modal === 'object')) && (
        <QuestionModal
          bankId={id}
          question={typeof modal === 'object' ? modal : undefined}
          onClose={(saved) => {
            setModal(null);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

function ImportModal({ bankId, onClose }: { bankId: number; onClose: (applied: boolean) => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'excel' | 'gift' | 'aiken'>('excel');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<TImportReport>();
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await importBank(bankId, format, file));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => onClose(!!report?.applied);
  return (
    <Modal
      open
      title={t('learningQuizzes.import.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common.cancel')}</Button>}
      width={640}
    >
      <Select
        value={format}
        onChange={setFormat}
        style={{ width: '100%', marginBottom: 12 }}
        options={(['excel', 'gift', 'aiken'] as const).map((f) => ({ value: f, label: t(`learningQuizzes.import.format.${f}`) }))}
      />
      <Typography.Paragraph type="secondary">{t(`learningQuizzes.import.hint.${format}`)}</Typography.Paragraph>
      <Upload.Dragger
        accept={format === 'excel' ? '.xlsx' : '.txt,.gift'}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('learningQuizzes.import.drop')}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {report?.applied && (
        <Alert
          type="success"
          showIcon
          data-testid="import-done"
          title={t('learningQuizzes.import.done', { n: report.questions })}
          style={{ marginTop: 12 }}
        />
      )}
      {report && !report.applied && (
        <Alert
          type="error"
          showIcon
          data-testid="import-errors"
          style={{ marginTop: 12 }}
          title={t('learningQuizzes.import.errors', { n: report.errors.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {report.errors.map((e, i) => (
                <li key={i}>
                  {e.where}: {e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}

type QuestionForm = Omit<TQuestionInput, 'options'> & { options?: string };

function QuestionModal({ bankId, question, onClose }: { bankId: number; question?: TQuestion; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuestionForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const type = Form.useWatch('type', form) ?? question?.type ?? 'single';
  const ok = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    const body: TQuestionInput = {
      ...v,
      options: type === 'single' || type === 'multiple' ? (v.options ?? '').split('\n').filter((o) => o.trim() !== '') : [],
      category: v.category ?? '',
      explanation: v.explanation ?? '',
    };
    try {
      if (question) await updateQuestion(bankId, question.id, body);
      else await addQuestion(bankId, body);
      onClose(true);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!question) return;
    try {
      await deleteQuestion(bankId, question.id);
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal
      open
      title={question ? t('learningQuizzes.question.edit') : t('learningQuizzes.question.add')}
      onCancel={() => onClose(false)}
      onOk={() => void ok()}
      confirmLoading={busy}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {question && (
            <Button danger onClick={() => void remove()} style={{ float: 'left' }}>
              {t('learningQuizzes.question.remove')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          question
            ? { ...question, answer: question.answerText, options: question.options.join('\n') }
            : { type: 'single', difficulty: 2, category: '', explanation: '' }
        }
      >
        <Form.Item name="type" label={t('learningQuizzes.question.type')}>
          <Select options={TYPES.map((ty) => ({ value: ty, label: t(`learningQuizzes.type.${ty}`) }))} />
        </Form.Item>
        <Form.Item
          name="stem"
          label={t('learningQuizzes.question.stem')}
          rules={[{ required: true, whitespace: true, message: t('learningQuizzes.question.stemRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {(type === 'single' || type === 'multiple') && (
          <Form.Item name="options" label={t('learningQuizzes.question.options')} extra={t('learningQuizzes.question.optionsHint')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        <Form.Item
          name="answer"
          label={t('learningQuizzes.question.answer')}
          extra={t(`learningQuizzes.question.answerHint.${type}`)}
          rules={[{ required: true, whitespace: true, message: t('learningQuizzes.question.answerRequired') }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="category" label={t('learningQuizzes.question.category')}>
            <Input />
          </Form.Item>
          <Form.Item name="difficulty" label={t('learningQuizzes.question.difficulty')}>
            <InputNumber min={1} max={3} />
          </Form.Item>
        </Space>
        <Form.Item name="explanation" label={t('learningQuizzes.question.explanation')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
