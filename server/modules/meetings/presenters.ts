// Explicit allow-lists of the fields a meeting, its attendance and its attachments show (STYLE.md).
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import type { AttachmentMetaRow, ListRow } from './queries.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentRow(r: ListRow) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kinds: r.kinds as MeetingKind[],
    status: r.status,
    plannedOn: r.planned_on,
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    topic: r.topic,
    host: r.host,
    shouldAttend: r.should_attend,
    present: r.present,
    late: r.late,
    recordedAt: iso(r.recorded_at),
    attachmentCount: r.attachment_count,
  };
}

export function presentAttachment(a: AttachmentMetaRow) {
  return {
    id: a.id,
    fileName: a.file_name,
    mime: a.mime,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    uploadedBy: a.uploaded_by_name,
    uploadedAt: iso(a.uploaded_at)!,
  };
}
