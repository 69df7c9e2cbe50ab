// 登记会议: a held meeting (date, time, place, topic, host, recorder, attendance from the roster,
// minutes, decisions) or a planned one; also edits a record and records a planned meeting as held.
// A held date may not be in the future; a late record is accepted and marked (RULES.md §9).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../../../domain/meeting-kinds';
import { isLateRecord } from '../../../../domain/rules/meeting-records';
import { errorText, ApiError } from '../../api/client';
import { createMeeting, getRoster, updateMeeting, type TMeetingDetail, type TMeetingFields } from '../../api/meetings';
import type { Id } from '../../api/types';
import { fromDateString, toDateString } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { AttendanceTable, draftsFrom, toAttendanceInput, type AttendanceDraft } from './attendance-table';
import { todayCn, useLifeLabels } from './meeting-labels';

export type FormMode = { mode: 'create'; kind?: MeetingKind } | { mode: 'edit' | 'hold'; meeting: TMeetingDetail };

interface Values {
  status: 'held' | 'planned';
  kinds: MeetingKind[];
  date?: Dayjs;
  startTime?: Dayjs;
  place?: string;
  topic: string;
  host?: string;
  recorder?: string;
  minutes?: string;
  decisions?: string;
}

/** The form field a server error names (the dates are one picker here). */
const FIELD_OF: Record<string, keyof Values> = {
  heldOn: 'date',
  plannedOn: 'date',
  kinds: 'kinds',
  startTime: 'startTime',
  place: 'place',
  topic: 'topic',
  host: 'host',
  recorder: 'recorder',
  minutes: 'minutes',
  decisions: 'decisions',
};

function initialValues(m: FormMode): Partial<Values> {
  if (m.mode === 'create') return { status: 'held', kinds: m.kind ? [m.kind] : [], date: dayjs(todayCn()) };
  const x = m.meeting;
  return {
    status: m.mode === 'hold' ? 'held' : x.status === 'planned' ? 'planned' : 'held',
    kinds: x.kinds,
    date: fromDateString(
      m.mode === 'hold' ? (x.plannedOn && x.plannedOn <= todayCn() ? x.plannedOn : todayCn()) : (x.heldOn ?? x.plannedOn),
    ),
    startTime: x.startTime ? dayjs(`2000-01-01T${x.startTime}`) : undefined,
    place: x.place ?? undefined,
    topic: x.topic,
    host: x.host ?? undefined,
    recorder: x.recorder ?? undefined,
    minutes: x.minutes ?? undefined,
    decisions: x.decisions ?? undefined,
  };
}

export function MeetingFormDrawer(props: {
  orgId: Id;
  orgName?: string;
  form: FormMode;
  lateAfterDays: number;
  onClose: () => void;
  onSaved: (m: TMeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLifeLabels();
  const [form] = Form.useForm<Values>();
  const f = props.form;
  const orgId = f.mode === 'create' ? props.orgId : f.meeting.orgId;
  const roster = useRequest((signal) => getRoster(orgId, signal), [orgId]);
  const [rows, setRows] = useState<AttendanceDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [showErrors, setShowErrors] = useState(false);
  const status = Form.useWatch('status', form) ?? initialValues(f).status;
  const date = Form.useWatch('date', form);
  const initial = useMemo(() => initialValues(f), [f]);

  useEffect(() => {
    if (roster.data) setRows(draftsFrom(roster.data.items, f.mode === 'create' ? undefined : f.meeting.attendance));
  }, [roster.data, f]);

  const late = status === 'held' && date && isLateRecord(toDateString(date)!, todayCn(), props.lateAfterDays);
  const title =
    f.mode === 'create' ? t('meetings.form.createTitle') : f.mode === 'hold' ? t('meetings.form.holdTitle') : t('meetings.form.editTitle');

  const submit = async (v: Values) => {
    const attendance = toAttendanceInput(rows);
    if (v.status === 'held' && attendance.some((a) => !a.present && !a.absenceReason)) {
      setShowErrors(true);
      setError(t('meetings.attendance.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    const day = toDateString(v.date) ?? null;
    const fields: TMeetingFields = {
      kinds: v.kinds,
      startTime: v.startTime ? v.startTime.format('HH:mm') : null,
      place: v.place ?? null,
      topic: v.topic.trim(),
      host: v.host ?? null,
      recorder: v.recorder ?? null,
      minutes: v.minutes ?? null,
      decisions: v.decisions ?? null,
      ...(v.status === 'held' ? { heldOn: day, attendance } : { plannedOn: day }),
    };
    try {
      const saved =
        f.mode === 'create'
          ? await createMeeting({ orgId, status: v.status, ...fields })
          : await updateMeeting(f.meeting.id, {
              version: f.meeting.version,
              ...fields,
              ...(f.mode === 'hold' ? { status: 'held' as const } : {}),
            });
      void message.success(t('meetings.form.saved'));
      props.onSaved(saved);
    } catch (e) {
      setError(errorText(e));
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && FIELD_OF[field]) form.setFields([{ name: FIELD_OF[field], errors: [errorText(e)] }]);
      if (field?.startsWith('attendance')) setShowErrors(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      width={880}
      title={title}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="meeting-submit">
            {t('meetings.form.submit')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="meeting-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="meeting-form">
        <div className="meeting-form-grid">
          <Form.Item label={t('meetings.org')}>
            <Input value={f.mode === 'create' ? (props.orgName ?? roster.data?.orgName) : f.meeting.orgName} disabled />
          </Form.Item>
          {f.mode === 'create' ? (
            <Form.Item name="status" label={t('meetings.form.status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'held', label: t('meetings.form.held') },
                  { value: 'planned', label: t('meetings.form.planned') },
                ]}
              />
            </Form.Item>
          ) : (
            <Form.Item name="status" hidden>
              <Input />
            </Form.Item>
          )}
        </div>
        <Form.Item
          name="kinds"
          label={t('meetings.form.kinds')}
          extra={t('meetings.form.kindsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('meetings.form.kindsRequired') }]}
        >
          <Select mode="multiple" options={MEETING_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} data-testid="meeting-kinds" />
        </Form.Item>
        <div className="meeting-form-grid">
          <Form.Item
            name="date"
            label={status === 'held' ? t('meetings.form.heldOn') : t('meetings.form.plannedOn')}
            rules={[{ required: true, message: t('meetings.form.dateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={status === 'held' ? (d) => d.format('YYYY-MM-DD') > todayCn() : undefined}
              data-testid="meeting-date"
            />
          </Form.Item>
          <Form.Item name="startTime" label={t('meetings.form.startTime')}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item rules={[{ max: 100 }]} name="place" label={t('meetings.form.place')}>
            <Input />
          </Form.Item>
        </div>
        {late && (
          <Alert
            type="warning"
            showIcon
            title={t('meetings.form.lateWarning', { days: props.lateAfterDays })}
            style={{ marginBottom: 12 }}
            data-testid="meeting-late-warning"
          />
        )}
        <Form.Item
          name="topic"
          label={t('meetings.form.topic')}
          rules={[{ max: 200 }, { required: true, whitespace: true, min: 2, message: t('meetings.form.topicRequired') }]}
        >
          <Input data-testid="meeting-topic" />
        </Form.Item>
        <div className="meeting-form-grid">
          <Form.Item rules={[{ max: 30 }]} name="host" label={t('meetings.form.host')}>
            <Input />
          </Form.Item>
          <Form.Item rules={[{ max: 30 }]} name="recorder" label={t('meetings.form.recorder')}>
            <Input />
          </Form.Item>
        </div>
        {status === 'held' ? (
          <>
            <Form.Item label={t('meetings.form.attendance')}>
              {roster.error !== undefined ? (
                <Alert type="error" showIcon title={errorText(roster.error)} />
              ) : (
                <AttendanceTable rows={rows} onChange={setRows} showErrors={showErrors} />
              )}
            </Form.Item>
            <Form.Item rules={[{ max: 20000 }]} name="minutes" label={t('meetings.form.minutes')}>
              <Input.TextArea count={{ show: true, max: 20000 }} rows={6} />
            </Form.Item>
            <Form.Item rules={[{ max: 5000 }]} name="decisions" label={t('meetings.form.decisions')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon title={t('meetings.form.plannedHint')} style={{ marginBottom: 12 }} />
        )}
        {f.mode === 'create' && <div className="muted">{t('meetings.form.afterSave')}</div>}
      </Form>
    </Drawer>
  );
}
