// The attendance of a held meeting, drawn from the organization's roster (its members and its 党小组):
// a present switch per member, and for an absentee a reason (病假/事假/公差/外出/其他) with an optional note.
// Members not called to the meeting (a 支委会, a 谈心谈话) can be taken off the list.
import { Button, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ABSENCE_REASONS } from '../../../../domain/rules/meeting-records';
import type { TAttendanceInput, TAttendanceRow, TRosterMember } from '../../api/meetings';
import type { Id } from '../../api/types';
import type { MemberCategory } from '../../api/members';

export interface AttendanceDraft {
  memberId: Id;
  name: string;
  category: MemberCategory;
  groupName: string | null;
  present: boolean;
  reason?: string;
  note?: string;
  removed?: boolean;
}

const SEP = '：';

/** Splits a stored reason ("事假：外出学习") back into the select and the note. */
function splitReason(text: string | null): { reason?: string; note?: string } {
  if (!text) return {};
  const hit = ABSENCE_REASONS.find((r) => text === r || text.startsWith(r + SEP));
  if (hit) return { reason: hit, note: text.slice(hit.length + SEP.length) || undefined };
  return { reason: ABSENCE_REASONS[4], note: text }; // the last reason: other
}

/** Rows for the table: the roster, merged with an existing record (whose people stay even if they left since). */
export function draftsFrom(roster: TRosterMember[], existing?: TAttendanceRow[]): AttendanceDraft[] {
  const byId = new Map((existing ?? []).map((a) => [a.memberId, a]));
  const rows: AttendanceDraft[] = roster.map((r) => {
    const a = byId.get(r.memberId);
    return {
      memberId: r.memberId,
      name: r.name,
      category: r.category,
      groupName: r.groupName,
      present: a ? a.present : true,
      ...splitReason(a?.absenceReason ?? null),
      // On an existing record, those not on it were not called to the meeting.
      removed: existing && existing.length > 0 ? !a : false,
    };
  });
  const onRoster = new Set(roster.map((r) => r.memberId));
  for (const a of existing ?? []) {
    if (!onRoster.has(a.memberId))
      rows.push({
        memberId: a.memberId,
        name: a.name,
        category: a.category,
        groupName: null,
        present: a.present,
        ...splitReason(a.absenceReason),
      });
  }
  return rows;
}

export function toAttendanceInput(rows: AttendanceDraft[]): TAttendanceInput[] {
  return rows
    .filter((r) => !r.removed)
    .map((r) => ({
      memberId: r.memberId,
      present: r.present,
      absenceReason: r.present ? null : r.reason ? (r.note?.trim() ? `${r.reason}${SEP}${r.note.trim()}` : r.reason) : null,
    }));
}

export function AttendanceTable({
  rows,
  onChange,
  showErrors,
}: {
  rows: AttendanceDraft[];
  onChange: (rows: AttendanceDraft[]) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const set = (id: Id, patch: Partial<AttendanceDraft>) => onChange(rows.map((r) => (r.memberId === id ? { ...r, ...patch } : r)));
  const listed = rows.filter((r) => !r.removed);
  const present = listed.filter((r) => r.present).length;
  const removed = rows.length - listed.length;
  const hasGroups = rows.some((r) => r.groupName);

  return (
    <div data-testid="attendance-table">
      <div className="filter-bar">
        <span data-testid="attendance-summary">
          {t('meetings.attendance.summary', { should: listed.length, present, absent: listed.length - present })}
        </span>
        <span style={{ flex: 1 }} />
        {removed > 0 && <span className="muted">{t('meetings.attendance.removed', { n: removed })}</span>}
        {removed > 0 && (
          <Button size="small" onClick={() => onChange(rows.map((r) => ({ ...r, removed: false })))}>
            {t('meetings.attendance.restore')}
          </Button>
        )}
        <Button size="small" onClick={() => onChange(rows.map((r) => ({ ...r, present: true })))}>
          {t('meetings.attendance.allPresent')}
        </Button>
      </div>
      <Table<AttendanceDraft>
        size="small"
        rowKey="memberId"
        dataSource={listed}
        pagination={false}
        scroll={{ y: 320 }}
        locale={{ emptyText: t('meetings.attendance.noRoster') }}
        columns={[
          { title: t('meetings.attendance.name'), dataIndex: 'name', width: 90 },
          {
            title: t('meetings.attendance.category'),
            dataIndex: 'category',
            width: 90,
            render: (c: MemberCategory) =>
              c === 'probationary' ? <Tag color="blue">{t('meetings.attendance.probationary')}</Tag> : t('meetings.attendance.full'),
          },
          ...(hasGroups ? [{ title: t('meetings.attendance.group'), dataIndex: 'groupName', width: 110, ellipsis: true }] : []),
          {
            title: t('meetings.attendance.present'),
            key: 'present',
            width: 70,
            render: (_v, r) => (
              <Switch
                size="small"
                checked={r.present}
                onChange={(v) => set(r.memberId, { present: v })}
                data-testid={`present-${r.memberId}`}
              />
            ),
          },
          {
            title: t('meetings.attendance.reason'),
            key: 'reason',
            render: (_v, r) =>
              r.present ? null : (
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    size="small"
                    style={{ width: 90 }}
                    value={r.reason}
                    placeholder={t('common.pleaseSelect')}
                    status={showErrors && !r.reason ? 'error' : undefined}
                    options={ABSENCE_REASONS.map((x) => ({ value: x, label: x }))}
                    onChange={(v) => set(r.memberId, { reason: v })}
                    data-testid={`reason-${r.memberId}`}
                  />
                  <Input
                    size="small"
                    value={r.note}
                    count={{ max: 80 }}
                    placeholder={t('meetings.attendance.reasonNote')}
                    onChange={(e) => set(r.memberId, { note: e.target.value })}
                  />
                </Space.Compact>
              ),
          },
          {
            title: '',
            key: 'rm',
            width: 80,
            render: (_v, r) => (
              <Button type="link" size="small" onClick={() => set(r.memberId, { removed: true })}>
                {t('meetings.attendance.remove')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
