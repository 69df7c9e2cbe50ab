// 民主评议党员 of one organization and year: the grade grid (full members graded, probationary members
// taking part ungraded), a live 优秀 x / limit counter (⅓ rule, local practice), draft save, finalize.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Radio, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPRAISAL_GRADES, type AppraisalGrade } from '../../../../domain/meeting-kinds';
import { can } from '../../../../domain/permissions';
import { appraisalCounts } from '../../../../domain/rules/appraisal';
import { errorText } from '../../api/client';
import { finalizeAppraisal, getAppraisal, listMeetings, saveAppraisal, type TAppraisal, type TAppraisalRow } from '../../api/meetings';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { formatMinute } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { Link } from 'react-router-dom';
import { FirstScreenPrompt } from '../../components/first-screen-prompt';
import { todayCn, useLifeLabels } from './meeting-labels';

const GRADE_COLORS: Record<AppraisalGrade, string> = {
  excellent: 'red',
  qualified: 'green',
  basically_qualified: 'orange',
  unqualified: 'default',
};

export function AppraisalTab({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const labels = useLifeLabels();
  const thisYear = Number(todayCn().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const req = useRequest((signal) => getAppraisal(orgId, year, signal), [orgId, year]);
  const meetings = useRequest(
    () => listMeetings({ orgId, status: 'held', from: `${year}-01-01`, to: `${year}-12-31` }, undefined, 200),
    [orgId, year],
  );
  const [rows, setRows] = useState<TAppraisalRow[]>([]);
  const [meetingId, setMeetingId] = useState<Id | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const a = req.data;
  const editable = can(me.roles, 'life.write') && a?.status !== 'final';

  useEffect(() => {
    if (!a) return;
    setRows(a.rows);
    setMeetingId(a.meetingId);
    setError(undefined);
  }, [a]);

  const counts = useMemo(() => appraisalCounts(rows.map((r) => ({ memberId: r.memberId, category: r.category, grade: r.grade }))), [rows]);
  const over = counts.byGrade.excellent > counts.excellentLimit;
  const atLimit = counts.byGrade.excellent >= counts.excellentLimit;
  const setRow = (id: Id, patch: Partial<TAppraisalRow>) => setRows((rs) => rs.map((r) => (r.memberId === id ? { ...r, ...patch } : r)));
  const meetingOptions = (meetings.data?.items ?? [])
    .filter((m) => m.kinds.includes('appraisal') || m.kinds.includes('life_meeting'))
    .map((m) => ({ value: m.id, label: `${m.heldOn} ${m.topic}` }));
  if (a?.meetingId && !meetingOptions.some((o) => o.value === a.meetingId))
    meetingOptions.push({ value: a.meetingId, label: a.meetingTopic ?? String(a.meetingId) });

  const run = async (fn: () => Promise<TAppraisal>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      req.setData(await fn());
      void message.success(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    saveAppraisal({ orgId, year, meetingId, grades: rows.map((r) => ({ memberId: r.memberId, grade: r.grade, note: r.note })) });
  const finalize = () => run(async () => finalizeAppraisal((await save()).id!), t('meetings.appraisal.finalized'));

  return (
    <div data-testid="appraisal-tab">
      <div className="filter-bar">
        <span>{t('meetings.appraisal.year')}</span>
        <Select
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          data-testid="appraisal-year"
        />
        <span>{t('meetings.appraisal.meeting')}</span>
        <Select
          style={{ width: 320 }}
          allowClear
          disabled={!editable}
          value={meetingId ?? undefined}
          onChange={(v) => setMeetingId(v ?? null)}
          placeholder={t('meetings.appraisal.noMeeting')}
          options={meetingOptions}
          title={t('meetings.appraisal.meetingHint')}
        />
        {a && (
          <Tag color={a.status === 'final' ? 'green' : a.status === 'draft' ? 'blue' : 'default'}>
            {t(`meetings.appraisal.status.${a.status}`)}
          </Tag>
        )}
        {a?.finalizedAt && <span className="muted">{t('meetings.appraisal.finalizedAt', { at: formatMinute(a.finalizedAt) })}</span>}
        <span style={{ flex: 1 }} />
        <Tooltip title={t('meetings.appraisal.limitHint')}>
          <Tag
            color={over ? 'red' : atLimit ? 'orange' : 'default'}
            style={{ fontSize: 13, padding: '2px 8px' }}
            data-testid="excellent-counter"
          >
            {t('meetings.appraisal.counter', { n: counts.byGrade.excellent, limit: counts.excellentLimit })}
          </Tag>
        </Tooltip>
        <span className="muted">{t('meetings.appraisal.graded', { graded: counts.graded, total: counts.toGrade })}</span>
      </div>
      {a && a.rows.length === 0 && (
        <FirstScreenPrompt
          message={t('meetings.appraisal.notBranch')}
          action={
            <Link to={`/statistics/appraisal?orgId=${orgId}`}>
              <Button size="small">{t('meetings.appraisal.seeStats')}</Button>
            </Link>
          }
        />
      )}
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="appraisal-error" />}
      <Table<TAppraisalRow>
        size="small"
        rowKey="memberId"
        loading={req.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 520 }}
        data-testid="appraisal-grid"
        columns={[
          { title: t('meetings.attendance.name'), dataIndex: 'name', width: 100 },
          {
            title: t('meetings.appraisal.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: string) =>
              c === 'probationary' ? <Tag color="blue">{t('meetings.attendance.probationary')}</Tag> : t('meetings.attendance.full'),
          },
          {
            title: t('meetings.appraisal.grade'),
            key: 'grade',
            width: 380,
            render: (_v, r) =>
              r.category === 'probationary' ? (
                <span className="muted">{t('meetings.appraisal.probationary')}</span>
              ) : editable ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={r.grade}
                  onChange={(e) => setRow(r.memberId, { grade: e.target.value as AppraisalGrade })}
                  options={APPRAISAL_GRADES.map((g) => ({
                    value: g,
                    label: labels.grade(g),
                    disabled: g === 'excellent' && atLimit && r.grade !== 'excellent',
                  }))}
                  data-testid={`grade-${r.memberId}`}
                />
              ) : (
                r.grade && <Tag color={GRADE_COLORS[r.grade]}>{labels.grade(r.grade)}</Tag>
              ),
          },
          {
            title: t('meetings.appraisal.gradeNote'),
            dataIndex: 'note',
            render: (v: string | null, r) =>
              editable ? (
                <Input
                  size="small"
                  count={{ max: 200 }}
                  value={v ?? ''}
                  onChange={(e) => setRow(r.memberId, { note: e.target.value || null })}
                />
              ) : (
                v
              ),
          },
        ]}
      />
      {editable && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setRows((rs) => rs.map((r) => (r.category === 'full' && !r.grade ? { ...r, grade: 'qualified' } : r)))}>
            {t('meetings.appraisal.restQualified')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={over}
            onClick={() => run(save, t('meetings.appraisal.saved'))}
            data-testid="appraisal-save"
          >
            {t('meetings.appraisal.save')}
          </Button>
          <Popconfirm
            title={t('meetings.appraisal.finalizeConfirm')}
            onConfirm={finalize}
            disabled={over || counts.graded < counts.toGrade}
          >
            <Button
              loading={busy}
              disabled={over || counts.graded < counts.toGrade || counts.toGrade === 0}
              data-testid="appraisal-finalize"
            >
              {t('meetings.appraisal.finalize')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}
