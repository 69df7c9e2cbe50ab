// A learner's classes on a phone (issue 14 point 7; 375 px first): the sessions with sign-in by the code on
// the organizer's screen (or the QR, which opens this page with the session and code filled in), leave
// requests, the anonymous 评课, and the classes open for application.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Modal, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { applyToClass, evaluateSession, myClasses, requestLeave, signIn, type TMyClasses } from '../../api/learning-classes';
import { useRequest } from '../../lib/use-request';
import './learning-classes.css';

type MySession = TMyClasses['items'][number]['sessions'][number];
const ATT_COLORS: Record<string, string> = { present: 'green', late: 'gold', leave: 'blue', absent: 'red' };

function SessionRow({ s, onChanged }: { s: MySession; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('session') === String(s.id) ? (params.get('code') ?? '') : '');
  const [leave, setLeave] = useState(false);
  const [reason, setReason] = useState('');
  const [evalOpen, setEvalOpen] = useState(false);
  const [scores, setScores] = useState({ content: 5, teaching: 5, overall: 5 });
  const [comment, setComment] = useState('');
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const started = s.attendance != null || s.closed;
  return (
    <div className="lc-session" data-testid={`my-session-${s.id}`}>
      <div>
        <strong>{`${s.date} ${s.startTime}–${s.endTime}`}</strong> · {s.hours} · {s.teacher}
      </div>
      <div>{s.place || s.onlineUrl}</div>
      <Space wrap>
        {s.attendance && <Tag color={ATT_COLORS[s.attendance]}>{t(`learningClasses.attendance.${s.attendance}`)}</Tag>}
        {s.leave && <Tag>{`${t('learningClasses.my.leave')}：${t(`learningClasses.leaveStatus.${s.leave}`)}`}</Tag>}
      </Space>
      {s.signInOpen && !s.attendance && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('learningClasses.my.codePlaceholder')}
            aria-label={t('learningClasses.my.codePlaceholder')}
            data-testid="sign-code-input"
          />
          <Button
            type="primary"
            data-testid="sign-in"
            onClick={() =>
              run(async () => {
                const r = await signIn(s.id, code.trim());
                message.info(r.status === 'late' ? t('learningClasses.my.signedLate') : t('learningClasses.my.signedIn'));
              }, t('learningClasses.my.signedIn'))
            }
          >
            {t('learningClasses.my.signIn')}
          </Button>
        </Space.Compact>
      )}
      <Space wrap>
        {!s.closed && !s.attendance && !s.leave && (
          <Button size="small" onClick={() => setLeave(true)}>
            {t('learningClasses.my.leave')}
          </Button>
        )}
        {(started || s.signInOpen) && !s.evaluated && (
          <Button size="small" onClick={() => setEvalOpen(true)}>
            {t('learningClasses.my.evaluate')}
          </Button>
        )}
        {s.evaluated && <Tag>{t('learningClasses.my.evaluated')}</Tag>}
      </Space>
      <Modal
        open={leave}
        title={t('learningClasses.my.leave')}
        onCancel={() => setLeave(false)}
        onOk={() => run(() => requestLeave(s.id, reason), t('learningClasses.saved')).then(() => setLeave(false))}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('learningClasses.my.leaveReason')}
        />
      </Modal>
      <Modal
        open={evalOpen}
        title={t('learningClasses.my.evaluate')}
        onCancel={() => setEvalOpen(false)}
        onOk={() => run(() => evaluateSession(s.id, { ...scores, comment }), t('learningClasses.saved')).then(() => setEvalOpen(false))}
      >
        <Typography.Paragraph type="secondary">{t('learningClasses.my.evalAnonymous')}</Typography.Paragraph>
        {(['content', 'teaching', 'overall'] as const).map((k) => (
          <div key={k}>
            {t(`learningClasses.eval${k[0].toUpperCase()}${k.slice(1)}` as 'learningClasses.evalContent')}{' '}
            <Rate value={scores[k]} onChange={(v) => setScores((x) => ({ ...x, [k]: v || 1 }))} />
          </div>
        ))}
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('learningClasses.my.comment')}
        />
      </Modal>
    </div>
  );
}

export default function MyClassesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const req = useRequest((signal) => myClasses(signal), []);
  const d = req.data;
  return (
    <div className="lc-phone">
      <Typography.Title level={4}>{t('learningClasses.my.title')}</Typography.Title>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {d && !d.items.length && <Empty description={t('learningClasses.my.none')} />}
      {d?.items.map((c) => (
        <Card
          key={c.id}
          size="small"
          title={c.title}
          extra={c.status && <Tag title={c.statusNote}>{t(`learningClasses.traineeStatus.${c.status}`)}</Tag>}
        >
          <div>{`${c.orgName} · ${c.startDate} ~ ${c.endDate} · ${c.totalHours}`}</div>
          {c.status === 'withdrawn' && <Alert type="warning" showIcon title={c.statusNote} />}
          {c.status === 'applied' && <Alert type="info" showIcon title={t('learningClasses.my.applied')} />}
          {(c.status === 'enrolled' || c.status === 'completed' || c.status === 'withdrawn') &&
            c.sessions.map((s) => <SessionRow key={s.id} s={s} onChanged={req.reload} />)}
        </Card>
      ))}
      {d && d.openToApply.length > 0 && (
        <>
          <Typography.Title level={5}>{t('learningClasses.my.openToApply')}</Typography.Title>
          {d.openToApply.map((c) => (
            <Card
              key={c.id}
              size="small"
              title={c.title}
              extra={
                <Button
                  size="small"
                  type="primary"
                  data-testid={`apply-${c.id}`}
                  onClick={async () => {
                    try {
                      req.setData(await applyToClass(c.id));
                      message.success(t('learningClasses.my.applied'));
                    } catch (e) {
                      message.error(errorText(e));
                    }
                  }}
                >
                  {t('learningClasses.my.apply')}
                </Button>
              }
            >
              {`${c.orgName} · ${c.startDate} ~ ${c.endDate} · ${c.totalHours}`}
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
