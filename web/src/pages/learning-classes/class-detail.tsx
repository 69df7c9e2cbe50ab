// A class for its organizer: sessions with the sign-in code screen (the code changes every 30 s, with a QR of
// the learner's sign-in page) and closing of the sign-in, the roster with the attendance grid, applications,
// leave approvals, completion with certificates, and the anonymous evaluation averages.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import {
  closeSession,
  completeClass,
  decideApplication,
  decideLeave,
  downloadCertificate,
  enrolMembers,
  getClass,
  importRoster,
  markAttendance,
  signCode,
  type TClassDetail,
  type TEnrolReport,
  type TSignCode,
} from '../../api/learning-classes';
import { useMe } from '../../auth/auth-context';
import { useRequest } from '../../lib/use-request';
import './learning-classes.css';

type Trainee = TClassDetail['trainees'][number];
type Session = TClassDetail['sessions'][number];
const ATT_COLORS: Record<string, string> = { present: 'green', late: 'gold', leave: 'blue', absent: 'red' };

function CodeScreen({ classId, session, onClose }: { classId: number; session: Session; onClose: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<TSignCode>();
  const [left, setLeft] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      try {
        const c = await signCode(classId, session.id);
        if (stop) return;
        setCode(c);
        setLeft(c.secondsLeft);
        timer = setTimeout(load, c.secondsLeft * 1000 + 300);
      } catch (e) {
        if (!stop) setError(errorText(e));
      }
    };
    void load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [classId, session.id]);
  useEffect(() => {
    const i = setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    return () => clearInterval(i);
  }, []);
  return (
    <Modal open footer={null} onCancel={onClose} width={560} title={t('learningClasses.codeTitle')}>
      {error && <Alert type="error" showIcon title={error} />}
      {code && (
        <div className="lc-code-screen">
          <div className="lc-code" data-testid="sign-code">
            {code.code}
          </div>
          <div>{t('learningClasses.secondsLeft', { n: left })}</div>
          <img src={code.qr} alt="QR" width={240} height={240} />
          <Typography.Paragraph type="secondary">{t('learningClasses.codeHint')}</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}

export default function ClassDetail() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getClass(id, signal), [id]);
  const [codeFor, setCodeFor] = useState<Session>();
  const [ids, setIds] = useState('');
  const [roster, setRoster] = useState('');
  const [report, setReport] = useState<TEnrolReport>();
  const c = req.data;
  const manage = can(me.roles, 'learning.manage') && c?.status === 'open';
  const approve = can(me.roles, 'learning.approve') && c?.status === 'open';
  const act = async (fn: () => Promise<TClassDetail | void>) => {
    try {
      const r = await fn();
      if (r) req.setData(r);
      else req.reload();
      message.success(t('learningClasses.saved'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  if (req.error !== undefined) return <Alert type="error" showIcon title={errorText(req.error)} />;
  if (!c) return null;
  const active = c.trainees.filter((x) => x.status !== 'applied' && x.status !== 'rejected');
  const applied = c.trainees.filter((x) => x.status === 'applied');
  const cell = (tr: Trainee, s: Session) => {
    const a = tr.attendance.find((x) => x.sessionId === s.id);
    if (!manage || tr.status !== 'enrolled')
      return a ? <Tag color={ATT_COLORS[a.status]}>{t(`learningClasses.attendance.${a.status}`)}</Tag> : '—';
    return (
      <Select
        size="small"
        style={{ width: 80 }}
        value={a?.status}
        placeholder="—"
        options={(['present', 'late', 'leave', 'absent'] as const).map((v) => ({ value: v, label: t(`learningClasses.attendance.${v}`) }))}
        onChange={(v) => act(() => markAttendance(c.id, s.id, tr.id, v))}
      />
    );
  };
  return (
    <div className="page-card">
      <Typography.Title level={4}>{c.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('learningClasses.fields.org')}>{c.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('learningClasses.fields.dates')}>{`${c.startDate} ~ ${c.endDate}`}</Descriptions.Item>
        <Descriptions.Item label={t('learningClasses.fields.hours')}>{c.totalHours}</Descriptions.Item>
        <Descriptions.Item label={t('learningClasses.fields.audience')}>{c.audience}</Descriptions.Item>
        <Descriptions.Item label={t('learningClasses.fields.status')}>{t(`learningClasses.classStatus.${c.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('learningClasses.fields.capacity')}>{c.capacity ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        {t('learningClasses.limit', { h: c.absenceLimitHours })} {c.absenceBasis}
      </Typography.Paragraph>
      {manage && (
        <Popconfirm title={t('learningClasses.completeConfirm')} onConfirm={() => act(() => completeClass(c.id))}>
          <Button type="primary">{t('learningClasses.complete')}</Button>
        </Popconfirm>
      )}
      <Tabs
        items={[
          {
            key: 'sessions',
            label: t('learningClasses.tabs.sessions'),
            children: (
              <Table<Session>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.sessions}
                scroll={{ x: true }}
                columns={[
                  { title: t('learningClasses.fields.date'), dataIndex: 'date' },
                  { title: t('learningClasses.fields.start'), render: (_, s) => `${s.startTime}–${s.endTime}` },
                  { title: t('learningClasses.fields.hours'), dataIndex: 'hours' },
                  { title: t('learningClasses.fields.teacher'), dataIndex: 'teacher' },
                  { title: t('learningClasses.fields.place'), render: (_, s) => s.place || s.onlineUrl },
                  {
                    title: '',
                    render: (_, s) =>
                      manage && !s.closed ? (
                        <Space>
                          <Button size="small" onClick={() => setCodeFor(s)} data-testid={`show-code-${s.id}`}>
                            {t('learningClasses.showCode')}
                          </Button>
                          <Popconfirm title={t('learningClasses.closeSignIn')} onConfirm={() => act(() => closeSession(c.id, s.id))}>
                            <Button size="small">{t('learningClasses.closeSignIn')}</Button>
                          </Popconfirm>
                        </Space>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'roster',
            label: t('learningClasses.tabs.roster'),
            children: (
              <>
                {manage && (
                  <Space wrap className="filter-bar" align="start">
                    <Input
                      value={ids}
                      onChange={(e) => setIds(e.target.value)}
                      placeholder={t('learningClasses.memberIds')}
                      style={{ width: 260 }}
                    />
                    <Button
                      onClick={() =>
                        act(async () => {
                          const r = await enrolMembers(
                            c.id,
                            ids
                              .split(/[\s,，]+/)
                              .filter(Boolean)
                              .map(Number),
                          );
                          setIds('');
                          return r;
                        })
                      }
                    >
                      {t('learningClasses.enrol')}
                    </Button>
                    <Input.TextArea
                      value={roster}
                      onChange={(e) => setRoster(e.target.value)}
                      rows={2}
                      placeholder={t('learningClasses.importHint')}
                      style={{ width: 320 }}
                    />
                    <Button
                      onClick={async () => {
                        try {
                          const r = await importRoster(c.id, roster);
                          setReport(r);
                          if (r.ok) {
                            setRoster('');
                            req.reload();
                          }
                        } catch (e) {
                          message.error(errorText(e));
                        }
                      }}
                    >
                      {t('learningClasses.importRoster')}
                    </Button>
                  </Space>
                )}
                {report && !report.ok && (
                  <Alert
                    type="error"
                    showIcon
                    title={t('learningClasses.importErrors')}
                    description={report.errors.map((e) => `${t('learningClasses.row', { n: e.row })} ${e.value}：${e.message}`).join('；')}
                  />
                )}
                {applied.length > 0 && (
                  <Table<Trainee>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={applied}
                    columns={[
                      { title: t('learningClasses.fields.name'), dataIndex: 'name' },
                      { title: t('learningClasses.fields.status'), render: () => <Tag>{t('learningClasses.traineeStatus.applied')}</Tag> },
                      {
                        title: '',
                        render: (_, tr) =>
                          approve && (
                            <Space>
                              <Button size="small" onClick={() => act(() => decideApplication(c.id, tr.id, true))}>
                                {t('learningClasses.approve')}
                              </Button>
                              <Button size="small" onClick={() => act(() => decideApplication(c.id, tr.id, false))}>
                                {t('learningClasses.reject')}
                              </Button>
                            </Space>
                          ),
                      },
                    ]}
                  />
                )}
                <Table<Trainee>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={active}
                  scroll={{ x: true }}
                  columns={[
                    { title: t('learningClasses.fields.name'), dataIndex: 'name', fixed: 'left' },
                    {
                      title: t('learningClasses.fields.status'),
                      render: (_, tr) => <Tag title={tr.statusNote}>{t(`learningClasses.traineeStatus.${tr.status}`)}</Tag>,
                    },
                    ...c.sessions.map((s) => ({
                      key: `s${s.id}`,
                      title: s.date.slice(5) + ' ' + s.startTime,
                      render: (_: unknown, tr: Trainee) => cell(tr, s),
                    })),
                    { title: t('learningClasses.fields.missed'), dataIndex: 'missedHours' },
                    {
                      title: t('learningClasses.certificate'),
                      render: (_, tr) =>
                        tr.certificateCode ? (
                          <Button
                            size="small"
                            type="link"
                            onClick={() => downloadCertificate(c.id, tr.id).catch((e) => message.error(errorText(e)))}
                          >
                            {tr.certificateCode}
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'leaves',
            label: t('learningClasses.tabs.leaves'),
            children: (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.leaves}
                columns={[
                  { title: t('learningClasses.fields.name'), dataIndex: 'traineeName' },
                  { title: t('learningClasses.fields.date'), dataIndex: 'sessionDate' },
                  { title: t('learningClasses.fields.reason'), dataIndex: 'reason' },
                  {
                    title: t('learningClasses.fields.status'),
                    dataIndex: 'status',
                    render: (s: 'pending') => t(`learningClasses.leaveStatus.${s}`),
                  },
                  {
                    title: '',
                    render: (_, l) =>
                      approve &&
                      l.status === 'pending' && (
                        <Space>
                          <Button size="small" onClick={() => act(() => decideLeave(c.id, l.id, true))}>
                            {t('learningClasses.approve')}
                          </Button>
                          <Button size="small" onClick={() => act(() => decideLeave(c.id, l.id, false))}>
                            {t('learningClasses.reject')}
                          </Button>
                        </Space>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'evaluations',
            label: t('learningClasses.tabs.evaluations'),
            children: (
              <Table
                size="small"
                rowKey="sessionId"
                pagination={false}
                dataSource={c.evaluations}
                columns={[
                  { title: t('learningClasses.fields.date'), render: (_, e) => c.sessions.find((s) => s.id === e.sessionId)?.date },
                  { title: t('learningClasses.fields.teacher'), dataIndex: 'teacher' },
                  { title: t('learningClasses.evalCount', { n: '' }), dataIndex: 'count' },
                  { title: t('learningClasses.evalContent'), dataIndex: 'content' },
                  { title: t('learningClasses.evalTeaching'), dataIndex: 'teaching' },
                  { title: t('learningClasses.evalOverall'), dataIndex: 'overall' },
                  { title: t('learningClasses.my.comment'), render: (_, e) => e.comments.join('；') },
                ]}
              />
            ),
          },
        ]}
      />
      {codeFor && <CodeScreen classId={c.id} session={codeFor} onClose={() => setCodeFor(undefined)} />}
    </div>
  );
}
