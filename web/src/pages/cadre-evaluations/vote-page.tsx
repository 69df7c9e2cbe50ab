// The voters' page, outside the staff layout and without an account: enter the one-time code from the
// slip, fill in the ballot, submit once. Built for a 375-px phone: one column, options wrap.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { itemsOf, type BallotAnswers } from '../../../../domain/rules/democratic-evaluation';
import { publicBallot, publicVote, type TPublicBallot } from '../../api/cadre-evaluations';
import { errorText } from '../../api/client';
import { LanguageSwitch } from '../../components/language-switch';
import { useAnswerLabels } from './labels';
import './cadre-evaluations.css';

export default function VotePage() {
  const { t } = useTranslation();
  const { options } = useAnswerLabels();
  const [code, setCode] = useState('');
  const [ballot, setBallot] = useState<TPublicBallot>();
  const [answers, setAnswers] = useState<BallotAnswers>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const def = ballot && {
    dimensions: ballot.dimensions,
    answerSet: ballot.answerSet,
    teamAnswerSet: ballot.teamAnswerSet,
    subjects: ballot.subjects,
    categories: [],
  };
  const total = def ? def.subjects.reduce((n, s) => n + itemsOf(def, s.kind).length, 0) : 0;
  const filled = Object.values(answers).reduce((n, items) => n + Object.keys(items).length, 0);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setBallot(await publicBallot(code)));
  const submit = () =>
    run(async () => {
      await publicVote({ code, answers });
      setDone(true);
    });
  const reset = () => {
    setCode('');
    setBallot(undefined);
    setAnswers({});
    setDone(false);
    setError(undefined);
  };
  const answer = (seq: number, item: string, value: string) => setAnswers((a) => ({ ...a, [seq]: { ...a[seq], [item]: value } }));

  return (
    <div className="vote-page">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={4} style={{ margin: '8px 0' }}>
          {ballot?.title ?? t('cadreEvaluations.vote.title')}
        </Typography.Title>
        <LanguageSwitch />
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="vote-error" />}
      {done ? (
        <Result
          status="success"
          title={t('cadreEvaluations.vote.thanks')}
          extra={<Button onClick={reset}>{t('cadreEvaluations.vote.another')}</Button>}
          data-testid="vote-done"
        />
      ) : !ballot ? (
        <Card>
          <Form layout="vertical" onFinish={start}>
            <Form.Item label={t('cadreEvaluations.vote.code')} required>
              <Input
                size="large"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder={t('cadreEvaluations.vote.codePlaceholder')}
                autoComplete="off"
                autoCapitalize="characters"
                data-testid="vote-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!code.trim()} data-testid="vote-start">
              {t('cadreEvaluations.vote.next')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('cadreEvaluations.vote.anonymous')}
          </Typography.Paragraph>
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('cadreEvaluations.vote.category', { name: ballot.categoryName })} · {t('cadreEvaluations.vote.anonymous')}
          </Typography.Paragraph>
          {ballot.subjects.map((s) => (
            <Card
              key={s.seq}
              size="small"
              style={{ marginBottom: 8 }}
              title={s.kind === 'team' ? `${s.name} · ${t('cadreEvaluations.vote.team')}` : s.name}
              extra={s.kind === 'cadre' ? <Typography.Text type="secondary">{s.title}</Typography.Text> : null}
            >
              {itemsOf(def!, s.kind).map((it) => (
                <div className="vote-item" key={it.key}>
                  {s.kind === 'cadre' && <div className="vote-item-label">{ballot.dimensions.find((d) => d.key === it.key)?.label}</div>}
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={answers[s.seq]?.[it.key]}
                    onChange={(e) => answer(s.seq, it.key, e.target.value as string)}
                    options={options(it.set)}
                    data-testid={`vote-${s.seq}-${it.key}`}
                  />
                </div>
              ))}
            </Card>
          ))}
          <Popconfirm
            title={filled < total ? t('cadreEvaluations.vote.incomplete', { count: total - filled }) : t('cadreEvaluations.vote.confirm')}
            onConfirm={submit}
            disabled={!filled}
          >
            <Button type="primary" size="large" block loading={busy} disabled={!filled} data-testid="vote-submit">
              {t('cadreEvaluations.vote.submit')}
            </Button>
          </Popconfirm>
        </>
      )}
    </div>
  );
}
