// A meeting as the paper 会议记录 a branch keeps: organization, kinds, time, place, chair, recorder,
// attendance with absentees and reasons, topic, minutes, decisions, attachments, signatures.
// Shown in the detail drawer and printed on its own (meetings.css hides everything else in print).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeetingDetail } from '../../api/meetings';
import { formatMinute } from '../../lib/dates';
import { KindTags, LateTag, StatusTag } from './meeting-labels';

export function MeetingRecordSheet({ m }: { m: TMeetingDetail }) {
  const { t } = useTranslation();
  const present = m.attendance.filter((a) => a.present);
  const absent = m.attendance.filter((a) => !a.present);
  const org = m.orgPath.length ? m.orgPath.map((o) => o.name).join(' / ') : m.orgName;
  const when =
    m.status === 'planned' ? t('meetings.detail.planned', { date: m.plannedOn }) : [m.heldOn, m.startTime].filter(Boolean).join(' ');
  const row = (label: string, value: ReactNode, testId?: string) => (
    <tr>
      <th>{label}</th>
      <td colSpan={3} data-testid={testId}>
        {value || t('meetings.detail.none')}
      </td>
    </tr>
  );

  return (
    <div className="meeting-sheet">
      <h2 className="meeting-sheet-title">{t('meetings.detail.printTitle')}</h2>
      <table className="meeting-sheet-table">
        <tbody>
          {row(t('meetings.detail.orgLine'), org)}
          <tr>
            <th>{t('meetings.col.kinds')}</th>
            <td>
              <KindTags kinds={m.kinds} />
            </td>
            <th>{t('meetings.col.status')}</th>
            <td>
              <StatusTag status={m.status} />
              {m.late && <LateTag />}
            </td>
          </tr>
          <tr>
            <th>{t('meetings.col.date')}</th>
            <td>{when}</td>
            <th>{t('meetings.form.place')}</th>
            <td>{m.place ?? ''}</td>
          </tr>
          <tr>
            <th>{t('meetings.form.host')}</th>
            <td>{m.host ?? ''}</td>
            <th>{t('meetings.form.recorder')}</th>
            <td>{m.recorder ?? ''}</td>
          </tr>
          {m.status !== 'planned' && (
            <tr>
              <th>{t('meetings.detail.should')}</th>
              <td>{m.shouldAttend === null ? '' : t('meetings.detail.persons', { n: m.shouldAttend })}</td>
              <th>{t('meetings.detail.present')}</th>
              <td>{m.present === null ? '' : t('meetings.detail.persons', { n: m.present })}</td>
            </tr>
          )}
          {m.status !== 'planned' && row(t('meetings.detail.attendees'), present.map((a) => a.name).join('、'))}
          {m.status !== 'planned' &&
            row(t('meetings.detail.absentees'), absent.map((a) => `${a.name}（${a.absenceReason ?? ''}）`).join('、'), 'meeting-absentees')}
          {row(t('meetings.form.topic'), <strong>{m.topic}</strong>)}
          {row(t('meetings.form.minutes'), m.minutes && <div className="pre-wrap">{m.minutes}</div>)}
          {row(t('meetings.form.decisions'), m.decisions && <div className="pre-wrap">{m.decisions}</div>)}
          {row(t('meetings.detail.attachments'), m.attachments.map((a) => a.fileName).join('、'))}
          <tr>
            <th>{t('meetings.detail.recordedAt')}</th>
            <td>{formatMinute(m.recordedAt)}</td>
            <th>{t('meetings.detail.createdBy')}</th>
            <td>{m.createdBy ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <div className="meeting-sheet-signatures">
        <span>{t('meetings.detail.hostSignature')}</span>
        <span>{t('meetings.detail.signature')}</span>
      </div>
    </div>
  );
}
