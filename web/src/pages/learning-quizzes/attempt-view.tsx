// One sitting: while open, the paper with a countdown from the server's deadline (the page's clock is
// set against the server's, never trusted for the limit), answers saved a few seconds after each change;
// once submitted (or out of time), the grade with the key and the explanation of each question.
import { Alert, Button, Card, Checkbox, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/client';
import { getAttempt, saveAnswers, submitAttempt, type TAttempt, type TPaperItem, type TShownResponse } from '../../api/learning-quizzes';
import { useRequest } from '../../lib/use-request';

const letter = (i: number) => String.fromCharCode(65 + i);

export function AttemptView({ id }: { id: number }) {
  const req = useRequest((signal) => getAttempt(id, signal), [id]);
  if (req.error !== undefined) return <Alert type="error" showIcon title={errorText(req.error)} />;
  if (!req.data) return null;
  return req.data.status === 'open' ? <Paper a={req.data} onDone={req.setData} /> : <Result a={req.data} />;
}

function useCountdown(a: TAttempt): number {
  // The device's clock may be wrong: the offset to the server's clock is taken when the paper arrives.
  const offset = useRef(new Date(a.serverNow).getTime() - Date.now());
  const left = () => Math.max(0, Math.floor((new Date(a.deadline).getTime() - (Date.now() + offset.current)) / 1000));
  const [s, setS] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => setS(left()), 1000);
    return () => clearInterval(timer);
  }, [a.deadline]);
  return s;
}

function Paper({ a, onDone }: { a: TAttempt; onDone: (a: TAttempt) => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<number, TShownResponse>>(() =>
    Object.fromEntries(a.items.filter((i) => i.response).map((i) => [i.position, i.response!])),
  );
  const dirty = useRef(new Set<number>());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const left = useCountdown(a);

  const payload = useCallback(
    (positions: Iterable<number>) => ({ answers: [...positions].map((p) => ({ position: p, ...(answers[p] ?? {}) })) }),
    [answers],
  );

  // Saved three seconds after the last change, so answers given before the deadline count even if the page is closed.
  useEffect(() => {
    if (dirty.current.size === 0) return;
    const timer = setTimeout(() => {
      const body = payload(dirty.current);
      dirty.current = new Set();
      saveAnswers(a.id, body).then(
        (r) => r.status === 'submitted' && onDone(r),
        (e: unknown) => setError(errorText(e)),
      );
    }, 3000);
    return () => clearTimeout(timer);
  }, [answers, a.id, payload, onDone]);

  const submit = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await submitAttempt(a.id, payload(a.items.map((i) => i.position))));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }, [a.id, a.items, onDone, payload]);

  // Out of time: the server grades what it has saved; the page just asks for the result.
  const expired = left === 0;
  useEffect(() => {
    if (expired) void submit();
  }, [expired]);

  const set = (p: number, r: TShownResponse) => {
    dirty.current.add(p);
    setAnswers((x) => ({ ...x, [p]: r }));
  };
  const answered = a.items.filter((i) => isAnswered(answers[i.position])).length;
  const confirmSubmit = () =>
    Modal.confirm({
      title: t('learningQuizzes.paper.confirm'),
      content: t('learningQuizzes.paper.confirmBody', { n: answered, total: a.items.length }),
      okText: t('learningQuizzes.paper.submit'),
      onOk: submit,
    });

  return (
    <div className="page-card quiz-paper">
      <Typography.Title level={4}>{a.quizTitle}</Typography.Title>
      <div className="quiz-timer" data-testid="quiz-timer">
        <Tag color={left < 60 ? 'red' : 'blue'}>{t('learningQuizzes.paper.left', { time: clock(left) })}</Tag>
        <span>{t('learningQuizzes.paper.answered', { n: answered, total: a.items.length })}</span>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {a.items.map((it) => (
          <Card key={it.position} size="small" data-testid={`question-${it.position}`}>
            <QuestionHead it={it} />
            <AnswerInput it={it} value={answers[it.position]} onChange={(r) => set(it.position, r)} />
          </Card>
        ))}
      </Space>
      <Button type="primary" block size="large" style={{ marginTop: 16 }} loading={busy} onClick={confirmSubmit}>
        {t('learningQuizzes.paper.submit')}
      </Button>
    </div>
  );
}

const isAnswered = (r?: TShownResponse) =>
  !!r && (r.value !== undefined || (r.choices?.length ?? 0) > 0 || (r.blanks ?? []).some((b) => b.trim() !== ''));

const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

function QuestionHead({ it }: { it: TPaperItem }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph strong>
      {it.position + 1}. [{t(`learningQuizzes.type.${it.type}`)} · {t('learningQuizzes.paper.points', { n: it.points })}] {it.stem}
    </Typography.Paragraph>
  );
}

function AnswerInput({
  it,
  value,
  onChange,
  disabled,
}: {
  it: TPaperItem;
  value?: TShownResponse;
  onChange: (r: TShownResponse) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  if (it.type === 'single')
    return (
      <Radio.Group disabled={disabled} value={value?.choices?.[0]} onChange={(e) => onChange({ choices: [e.target.value as number] })}>
        <Space direction="vertical">
          {it.options.map((o, i) => (
            <Radio key={i} value={i}>
              {letter(i)}. {o}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  if (it.type === 'multiple')
    return (
      <Checkbox.Group disabled={disabled} value={value?.choices ?? []} onChange={(v) => onChange({ choices: (v as number[]).sort() })}>
        <Space direction="vertical">
          {it.options.map((o, i) => (
            <Checkbox key={i} value={i}>
              {letter(i)}. {o}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  if (it.type === 'judge')
    return (
      <Radio.Group disabled={disabled} value={value?.value} onChange={(e) => onChange({ value: e.target.value as boolean })}>
        <Radio value={true}>{t('learningQuizzes.judge.true')}</Radio>
        <Radio value={false}>{t('learningQuizzes.judge.false')}</Radio>
      </Radio.Group>
    );
  const blanks = value?.blanks ?? Array.from({ length: it.blanks }, () => '');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {blanks.map((b, i) => (
        <Input
          key={i}
          disabled={disabled}
          value={b}
          aria-label={t('learningQuizzes.paper.blank', { n: i + 1 })}
          placeholder={t('learningQuizzes.paper.blank', { n: i + 1 })}
          onChange={(e) => onChange({ blanks: blanks.map((x, j) => (j === i ? e.target.value : x)) })}
        />
      ))}
    </Space>
  );
}

function responseText(it: TPaperItem, r: TShownResponse | null, judge: (v: boolean) => string): string {
  if (!r) return '—';
  if (it.type === 'judge') return r.value === undefined ? '—' : judge(r.value);
  if (it.type === 'fill') return (r.blanks ?? []).join(' / ') || '—';
  return (r.choices ?? []).map(letter).join('') || '—';
}

function Result({ a }: { a: TAttempt }) {
  const { t } = useTranslation();
  const judge = (v: boolean) => (v ? t('learningQuizzes.judge.true') : t('learningQuizzes.judge.false'));
  const navigate = useNavigate();
  return (
    <div className="page-card quiz-paper">
      <Typography.Title level={4}>{a.quizTitle}</Typography.Title>
      <Card size="small" data-testid="quiz-grade">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('learningQuizzes.result.score', { earned: a.earned, total: a.total })}
        </Typography.Title>
        <Space wrap style={{ marginTop: 8 }}>
          <Tag color={a.passed ? 'green' : 'orange'}>
            {a.passed ? t('learningQuizzes.result.passed') : t('learningQuizzes.result.failed')}
          </Tag>
          <Tag>{t('learningQuizzes.result.percent', { p: a.percent, pass: a.passPercent })}</Tag>
          <Tag>{t('learningQuizzes.result.attempt', { n: a.attemptNo })}</Tag>
        </Space>
      </Card>
      {a.late && <Alert type="warning" showIcon title={t('learningQuizzes.result.late')} style={{ marginTop: 12 }} />}
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size={12}>
        {a.items.map((it) => (
          <Card key={it.position} size="small" className={it.correct ? 'quiz-right' : 'quiz-wrong'}>
            <QuestionHead it={it} />
            {it.options.length > 0 && (
              <ol type="A" style={{ paddingLeft: 22 }}>
                {it.options.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ol>
            )}
            <Space wrap>
              <Tag color={it.correct ? 'green' : 'red'}>
                {it.correct ? t('learningQuizzes.result.right') : t('learningQuizzes.result.wrong')} · {it.earned}/{it.points}
              </Tag>
              <span>{t('learningQuizzes.result.yours', { a: responseText(it, it.response, judge) })}</span>
              <span>{t('learningQuizzes.result.key', { a: responseText(it, it.key, judge) })}</span>
            </Space>
            {it.explanation && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('learningQuizzes.result.explanation', { text: it.explanation })}
              </Typography.Paragraph>
            )}
          </Card>
        ))}
      </Space>
      <Button block style={{ marginTop: 16 }} onClick={() => navigate('/my/learning/quizzes')}>
        {t('learningQuizzes.result.back')}
      </Button>
    </div>
  );
}
