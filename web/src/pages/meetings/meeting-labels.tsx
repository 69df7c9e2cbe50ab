// Labels and small tags of organizational life: kinds, statuses and grades come from domain/, in the current language.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPRAISAL_GRADE_LABELS, MEETING_KIND_LABELS, type AppraisalGrade, type MeetingKind } from '../../../../domain/meeting-kinds';
import { MEETING_STATUS_LABELS } from '../../../../domain/rules/meeting-records';
import type { MeetingStatus } from '../../api/meetings';

/** Today in China Standard Time, as the server counts it (a held date may not be later). */
export const todayCn = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function useLifeLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return {
    kind: (k: MeetingKind | string) => MEETING_KIND_LABELS[k as MeetingKind]?.[lang] ?? k,
    status: (s: MeetingStatus) => MEETING_STATUS_LABELS[s][lang],
    grade: (g: AppraisalGrade) => APPRAISAL_GRADE_LABELS[g][lang],
  };
}

const KIND_COLORS: Record<MeetingKind, string> = {
  branch_congress: 'red',
  committee_meeting: 'volcano',
  group_meeting: 'orange',
  party_lecture: 'gold',
  theme_day: 'magenta',
  life_meeting: 'purple',
  appraisal: 'geekblue',
  heart_talk: 'cyan',
};

export function KindTags({ kinds }: { kinds: readonly (MeetingKind | string)[] }) {
  const l = useLifeLabels();
  return (
    <>
      {kinds.map((k) => (
        <Tag key={k} color={KIND_COLORS[k as MeetingKind]} style={{ marginInlineEnd: 4 }}>
          {l.kind(k)}
        </Tag>
      ))}
    </>
  );
}

const STATUS_COLORS: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };

export function StatusTag({ status }: { status: MeetingStatus }) {
  const l = useLifeLabels();
  return <Tag color={STATUS_COLORS[status]}>{l.status(status)}</Tag>;
}

export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" data-testid="late-tag">
      {t('meetings.late')}
    </Tag>
  );
}
