// Studying one material (issue 14 points 3 and 7), phone first: the material itself, and above it the
// time the server has credited so far. The page beats every few seconds while it is in front; the
// moment it is hidden or shown again it sends a hidden beat, so the time in the background earns
// nothing; after a while without input (or when the server asks) it asks "still there?" and the
// server credits nothing until answered. The timer shows only what the server has confirmed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { confirmPresence, getMyMaterial, myMaterialFileUrl, sendHeartbeat, startSession, type TSessionStart } from '../../api/learning';
import { useRequest } from '../../lib/use-request';
import { clock } from './learning-format';

type Outcome = 'credited' | 'too_early' | 'hidden' | 'gap' | 'presence_required' | 'superseded' | 'complete' | '';

export default function StudyPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getMyMaterial(id, signal), [id]);
  const m = req.data;
  const [session, setSession] = useState<TSessionStart>();
  const [credited, setCredited] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const media = useRef<HTMLMediaElement | null>(null);
  const lastInput = useRef(Date.now());
  const askingRef = useRef(false);
  askingRef.current = asking;
  // Beats on their way: a timer tick while one is still out is skipped (a slow network must not pile
  // them up); a hidden beat is always sent, so the time in the background never earns.
  const inFlight = useRef(0);

  useEffect(() => {
    let alive = true;
    startSession(id).then(
      (s) => {
        if (!alive) return;
        setSession(s);
        setCredited(s.materialCreditedSeconds);
      },
      (e: unknown) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  const beat = useCallback(
    async (visible: boolean) => {
      if (!session || (visible && inFlight.current > 0)) return;
      inFlight.current += 1;
      try {
        const r = await sendHeartbeat(session.sessionId, {
          visible,
          position: Math.floor(media.current?.currentTime ?? 0),
          rate: media.current?.playbackRate ?? 1,
        });
        setCredited(r.materialCreditedSeconds);
        setOutcome(r.outcome);
        setError(undefined);
        if (r.outcome === 'presence_required') setAsking(true);
      } catch (e) {
        setError(errorText(e));
      } finally {
        inFlight.current -= 1;
      }
    },
    [session],
  );

  useEffect(() => {
    if (!session) return;
    const onInput = () => {
      lastInput.current = Date.now();
    };
    const onVisibility = () => void beat(false);
    const timer = window.setInterval(() => {
      const playing = !!media.current && !media.current.paused;
      if (!playing && Date.now() - lastInput.current > session.presenceSeconds * 1000) setAsking(true);
      void beat(document.visibilityState === 'visible' && !askingRef.current);
    }, session.heartbeatSeconds * 1000);
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, onInput, { passive: true }));
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, onInput));
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session, beat]);

  const answer = async () => {
    if (!session) return;
    lastInput.current = Date.now();
    setAsking(false);
    try {
      const r = await confirmPresence(session.sessionId);
      setOutcome(r.outcome);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const length = session?.lengthSeconds ?? m?.lengthSeconds ?? 0;
  const file = myMaterialFileUrl(id);
  return (
    <div className="page-card study-page" data-testid="study-page">
      <Link to="/my/learning/plans">{t('learning.study.back')}</Link>
      {(error || req.error !== undefined) && (
        <Alert type="error" showIcon title={error ?? errorText(req.error)} style={{ margin: '8px 0' }} />
      )}
      <Card size="small" style={{ margin: '8px 0', position: 'sticky', top: 0, zIndex: 2 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={2}>
          <span className="muted">{t('learning.study.credited')}</span>
          <Space align="baseline" wrap>
            <strong style={{ fontSize: 28 }} data-testid="study-credited" data-seconds={credited}>
              {clock(credited)}
            </strong>
            <span className="muted">{t('learning.study.of', { total: clock(length) })}</span>
          </Space>
          <Progress percent={length ? Math.floor((credited / length) * 100) : 0} size="small" showInfo={false} />
          {outcome === 'hidden' && <Tag data-testid="study-paused">{t('learning.study.hidden')}</Tag>}
          {outcome === 'superseded' && <Alert type="warning" showIcon title={t('learning.study.superseded')} />}
          {outcome === 'complete' && <Tag color="green">{t('learning.study.complete')}</Tag>}
          <span className="muted" style={{ fontSize: 12 }}>
            {t('learning.study.rule', { s: session?.heartbeatSeconds ?? 30 })}
          </span>
        </Space>
      </Card>
      {m && (
        <article>
          <Typography.Title level={4}>{m.title}</Typography.Title>
          {m.summary && <Typography.Paragraph type="secondary">{m.summary}</Typography.Paragraph>}
          {m.kind === 'article' && <div className="study-article" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />}
          {m.kind === 'document' && m.file && (
            <>
              <iframe title={m.title} src={file} style={{ width: '100%', height: '70vh', border: '1px solid #eee' }} />
              <a href={file} target="_blank" rel="noreferrer">
                {t('learning.study.openDocument')}
              </a>
            </>
          )}
          {m.kind === 'audio' && m.file && <audio ref={(el) => void (media.current = el)} controls src={file} style={{ width: '100%' }} />}
          {m.kind === 'video' && m.file && (
            <video ref={(el) => void (media.current = el)} controls playsInline src={file} style={{ width: '100%', maxHeight: '60vh' }} />
          )}
          {m.kind === 'link' && (
            <Button type="primary" href={m.url} target="_blank" rel="noopener noreferrer">
              {t('learning.study.openLink')}
            </Button>
          )}
        </article>
      )}
      <Modal
        open={asking}
        title={t('learning.study.presenceTitle')}
        onOk={() => void answer()}
        onCancel={() => void answer()}
        okText={t('learning.study.presenceOk')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p data-testid="presence-prompt">{t('learning.study.presenceText')}</p>
      </Modal>
    </div>
  );
}
