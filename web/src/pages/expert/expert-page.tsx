// 专家评审 (talent_expert): the recognitions assigned to me, as a phone-friendly list, and one of them with the
// claim and its evidence and the scoring form against the tier set's criteria (scores are final once sent;
// other experts' scores stay sealed until all are in).
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { getMyReview, listMyReviews, scoreMyReview, type TRecognition } from '../../api/talent';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import { ExpertPanel, RecognitionClaim } from '../talent/recognition-dossier';
import { STATUS_COLOR } from '../talent/recognition-status';

function Queue() {
  const { t } = useTranslation();
  const req = useRequest((s) => listMyReviews(s), []);
  return (
    <div className="page-card" data-testid="expert-queue">
      <Typography.Title level={4}>{t('talent.expert.title')}</Typography.Title>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      <List
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('talent.expert.empty')} /> }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/expert/recognitions/${r.id}`}>{`${r.personName} · ${r.tierName}`}</Link>}
              description={r.employerName ?? ''}
            />
            <Tag color={STATUS_COLOR[r.status]}>{t(`talent.recognition.status.${r.status}`)}</Tag>
          </List.Item>
        )}
      />
    </div>
  );
}

function ScoreForm({ r, onDone }: { r: TRecognition; onDone: (r: TRecognition) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scores: Record<string, number>; opinion?: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      onDone(await scoreMyReview(r.id, { scores: v.scores, opinion: v.opinion ?? '' }));
      void message.success(t('talent.expert.submitted'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('talent.expert.mine')} style={{ marginBottom: 12 }} data-testid="expert-score-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical">
        {r.criteria.map((c) => (
          <Form.Item
            key={c.code}
            name={['scores', c.code]}
            label={`${c.name} · ${t('talent.expert.weight', { w: c.weight })}`}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={100}
              precision={0}
              inputMode="numeric"
              style={{ width: '100%' }}
              placeholder={t('talent.expert.score')}
            />
          </Form.Item>
        ))}
        <Form.Item name="opinion" label={t('talent.recognition.opinion')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" block loading={busy} onClick={submit} data-testid="expert-score-submit">
          {t('talent.expert.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Review() {
  const { t } = useTranslation();
  const me = useMe();
  const id = Number(useParams().id);
  const req = useRequest((s) => getMyReview(id, s), [id]);
  const r = req.data;
  const mine = r?.experts.find((e) => e.expertId === me.id);
  return (
    <div className="page-card" data-testid="expert-review">
      <Link to="/expert/recognitions">{t('talent.expert.back')}</Link>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {r && (
        <>
          <Space wrap align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {r.personName}
            </Typography.Title>
            <Tag color={STATUS_COLOR[r.status]}>{t(`talent.recognition.status.${r.status}`)}</Tag>
          </Space>
          {r.status === 'expert_review' && mine && !mine.scored && <ScoreForm r={r} onDone={req.setData} />}
          <RecognitionClaim r={r} asExpert />
          <ExpertPanel r={r} />
        </>
      )}
    </div>
  );
}

export default function ExpertPage() {
  return (
    <Routes>
      <Route index element={<Queue />} />
      <Route path=":id" element={<Review />} />
    </Routes>
  );
}
