// Reads of training classes: summaries in a subtree, one class with its sessions, trainees, attendance,
// leaves and evaluation averages. Times are China time: a session's start is `${date}T${start}:00+08:00`.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { TClassSummary, TSession } from '../../../domain/schemas/learning-classes.js';

export interface ClassRow {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  title: string;
  audience: string;
  description: string;
  capacity: number | null;
  open_for_application: boolean;
  status: 'open' | 'completed';
  completed_on: string | null;
  start_date: string | null;
  end_date: string | null;
  total_hours: string | number | null;
  session_count: number | string;
  enrolled: number | string;
  pending: number | string;
}

export interface SessionRow {
  id: number;
  class_id: number;
  date: string;
  start_time: string;
  end_time: string;
  hours: string | number;
  teacher: string;
  place: string;
  online_url: string;
  sign_secret: string;
  closed_at: Date | null;
}

const classSelect = sql`
  select c.id, c.org_id, o.name as org_name, o.path::text as org_path, c.title, c.audience, c.description, c.capacity,
         c.open_for_application, c.status, c.completed_on::text as completed_on,
         (select min(s.date)::text from learning_class_sessions s where s.class_id = c.id) as start_date,
         (select max(s.date)::text from learning_class_sessions s where s.class_id = c.id) as end_date,
         (select coalesce(sum(s.hours), 0) from learning_class_sessions s where s.class_id = c.id) as total_hours,
         (select count(*) from learning_class_sessions s where s.class_id = c.id) as session_count,
         (select count(*) from learning_class_trainees t where t.class_id = c.id and t.status in ('enrolled', 'completed', 'withdrawn')) as enrolled,
         (select count(*) from learning_class_trainees t where t.class_id = c.id and t.status = 'applied') as pending
    from learning_classes c join orgs o on o.id = c.org_id`;

export async function classesUnder(db: Db, scopePath: string): Promise<ClassRow[]> {
  const r = await sql<ClassRow>`${classSelect} where o.path <@ ${scopePath}::ltree order by c.id desc limit 500`.execute(db);
  return r.rows;
}

/** Open classes accepting applications whose organizer lies on the learner's path (the learner is in its subtree). */
export async function classesOpenTo(db: Db, learnerPath: string): Promise<ClassRow[]> {
  const r = await sql<ClassRow>`${classSelect}
    where c.status = 'open' and c.open_for_application and ${learnerPath}::ltree <@ o.path order by c.id desc limit 50`.execute(db);
  return r.rows;
}

export async function findClass(db: Db, id: number): Promise<ClassRow | undefined> {
  const r = await sql<ClassRow>`${classSelect} where c.id = ${id}`.execute(db);
  return r.rows[0];
}

export async function classSessions(db: Db, classId: number): Promise<SessionRow[]> {
  const r = await sql<SessionRow>`
    select id, class_id, date::text as date, start_time, end_time, hours, teacher, place, online_url, sign_secret, closed_at
      from learning_class_sessions where class_id = ${classId} order by date, start_time, id`.execute(db);
  return r.rows;
}

export async function findSession(db: Db, id: number): Promise<SessionRow | undefined> {
  const r = await sql<SessionRow>`
    select id, class_id, date::text as date, start_time, end_time, hours, teacher, place, online_url, sign_secret, closed_at
      from learning_class_sessions where id = ${id}`.execute(db);
  return r.rows[0];
}

export const summaryOf = (c: ClassRow): TClassSummary => ({
  id: Number(c.id),
  orgId: Number(c.org_id),
  orgName: c.org_name,
  title: c.title,
  audience: c.audience,
  capacity: c.capacity,
  openForApplication: c.open_for_application,
  status: c.status,
  startDate: c.start_date ?? '',
  endDate: c.end_date ?? '',
  totalHours: Number(c.total_hours ?? 0),
  sessionCount: Number(c.session_count),
  enrolled: Number(c.enrolled),
  pending: Number(c.pending),
});

export const sessionOf = (s: SessionRow): TSession => ({
  id: Number(s.id),
  date: s.date,
  startTime: s.start_time,
  endTime: s.end_time,
  hours: Number(s.hours),
  teacher: s.teacher,
  place: s.place,
  onlineUrl: s.online_url,
  closed: s.closed_at != null,
});

/** The session's start and end as instants (China time, UTC+8, no daylight saving). */
export const sessionStart = (s: { date: string; start_time: string }) => new Date(`${s.date}T${s.start_time}:00+08:00`);
export const sessionEnd = (s: { date: string; end_time: string }) => new Date(`${s.date}T${s.end_time}:00+08:00`);
/** The end of the session's day in China time: late sign-ins are accepted (and marked) until then. */
export const sessionDayEnd = (s: { date: string }) => new Date(`${s.date}T23:59:59+08:00`);
