// Learning materials (issue 14 point 1): articles kept as safe HTML, uploaded documents, audio and video,
// and links, published by an organization for its subtree. Staff manage the materials of their subtree;
// a learner sees those published by their own organization or any above it.
import sanitizeHtml from 'sanitize-html';
import { sql } from 'kysely';
import type {
  TMaterial,
  TMaterialCreate,
  TMaterialDetail,
  TMaterialPage,
  TMaterialQuery,
  TMaterialUpdate,
} from '../../../domain/schemas/learning.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { invalid, notFound } from '../../errors.js';
import type { Learner } from './learner.js';

/** Articles keep structure and links, never scripts, styles, event handlers or embedded frames. */
export function safeHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'h1', 'h2'],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  });
}

const plainText = (html: string) => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ');

/** The text the trigram search reads: title, summary, category, tags and the article's words. */
function searchText(m: { title: string; summary: string; category: string; tags: string[]; bodyHtml: string }): string {
  return [m.title, m.summary, m.category, m.tags.join(' '), plainText(m.bodyHtml)].join(' ').slice(0, 20_000);
}

function checkKindFields(kind: string, bodyHtml: string, url: string): void {
  if (kind === 'link' && !url) throw invalid('请填写链接地址', 'url');
  if (kind === 'article' && !plainText(bodyHtml).trim()) throw invalid('请填写文章正文', 'bodyHtml');
}

interface MaterialRow {
  id: number;
  org_id: number;
  org_name: string;
  kind: TMaterial['kind'];
  title: string;
  summary: string;
  category: string;
  tags: string[];
  length_seconds: number;
  status: TMaterial['status'];
  created_at: Date | string;
  file_name: string | null;
  mime: string | null;
  size_bytes: number | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentMaterial(r: MaterialRow): TMaterial {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    category: r.category,
    tags: r.tags,
    lengthSeconds: r.length_seconds,
    status: r.status,
    file: r.file_name ? { fileName: r.file_name, mime: r.mime ?? '', sizeBytes: Number(r.size_bytes) } : null,
    createdAt: iso(r.created_at),
  };
}

const baseSelect = (db: Db) =>
  db
    .selectFrom('learning_materials as lm')
    .innerJoin('orgs as o', 'o.id', 'lm.org_id')
    .leftJoin('learning_material_files as f', 'f.material_id', 'lm.id')
    .select([
      'lm.id',
      'lm.org_id',
      'o.name as org_name',
      'lm.kind',
      'lm.title',
      'lm.summary',
      'lm.category',
      'lm.tags',
      'lm.length_seconds',
      'lm.status',
      'lm.created_at',
      'f.file_name',
      'f.mime',
      'f.size_bytes',
    ]);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Materials a staff member may use: those published in their subtree and those published above it for
 * them (a district plan may list a city material). `visibleAt` narrows to what a learner at that path sees.
 */
export async function listMaterials(ctx: Ctx, q: TMaterialQuery, visibleAt?: string): Promise<TMaterialPage> {
  const scope = ctx.actor.scopePath;
  let query = baseSelect(ctx.db);
  query = visibleAt
    ? query.where(sql<boolean>`${visibleAt}::ltree <@ o.path`).where('lm.status', '=', 'published')
    : query.where(sql<boolean>`(o.path <@ ${scope}::ltree or ${scope}::ltree <@ o.path)`);
  if (q.q) query = query.where('lm.search_text', 'ilike', `%${escapeLike(q.q)}%`);
  if (q.kind) query = query.where('lm.kind', '=', q.kind);
  if (q.category) query = query.where('lm.category', '=', q.category);
  if (q.tag) query = query.where(sql<boolean>`${q.tag} = any(lm.tags)`);
  const [rows, count] = await Promise.all([
    query.orderBy('lm.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentMaterial(r as MaterialRow)), total: count.n };
}

export async function materialDetail(db: Db, id: number, creditedSeconds = 0): Promise<TMaterialDetail | undefined> {
  const r = await baseSelect(db).select(['lm.body_html', 'lm.url']).where('lm.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { ...presentMaterial(r as MaterialRow), bodyHtml: r.body_html, url: r.url, creditedSeconds };
}

/** A material a learner may open: published by their organization or one above it. 404 otherwise. */
export async function learnerMaterial(
  ctx: Ctx,
  learner: Learner,
  id: number,
): Promise<{ id: number; title: string; length_seconds: number }> {
  const r = await ctx.db
    .selectFrom('learning_materials as lm')
    .innerJoin('orgs as o', 'o.id', 'lm.org_id')
    .select(['lm.id', 'lm.title', 'lm.length_seconds'])
    .where('lm.id', '=', id)
    .where('lm.status', '=', 'published')
    .where(sql<boolean>`${learner.orgPath}::ltree <@ o.path`)
    .executeTakeFirst();
  if (!r) throw notFound('学习材料');
  return r;
}

export async function createMaterial(ctx: Ctx, m: TMaterialCreate): Promise<number> {
  const bodyHtml = m.kind === 'article' ? safeHtml(m.bodyHtml) : '';
  const url = m.kind === 'link' ? m.url : '';
  checkKindFields(m.kind, bodyHtml, url);
  return audited(
    ctx,
    {
      action: 'learning.material.create',
      objectType: 'learning_material',
      objectId: (id) => id,
      detail: () => ({ kind: m.kind, title: m.title }),
    },
    async (trx) => {
      const row = await trx
        .insertInto('learning_materials')
        .values({
          org_id: m.orgId,
          kind: m.kind,
          title: m.title,
          summary: m.summary,
          body_html: bodyHtml,
          url,
          category: m.category,
          tags: m.tags,
          length_seconds: m.lengthSeconds,
          search_text: searchText({ ...m, bodyHtml }),
          created_by: ctx.actor.userId,
          created_at: ctx.clock.now(),
          updated_at: ctx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
  );
}

export async function updateMaterial(ctx: Ctx, id: number, u: TMaterialUpdate): Promise<void> {
  const cur = await ctx.db.selectFrom('learning_materials').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cur) throw notFound('学习材料');
  const next = {
    title: u.title ?? cur.title,
    summary: u.summary ?? cur.summary,
    bodyHtml: cur.kind === 'article' && u.bodyHtml !== undefined ? safeHtml(u.bodyHtml) : cur.body_html,
    url: cur.kind === 'link' && u.url !== undefined ? u.url : cur.url,
    category: u.category ?? cur.category,
    tags: u.tags ?? cur.tags,
  };
  checkKindFields(cur.kind, next.bodyHtml, next.url);
  await audited(
    ctx,
    { action: 'learning.material.update', objectType: 'learning_material', objectId: () => id, detail: () => ({ fields: Object.keys(u) }) },
    (trx) =>
      trx
        .updateTable('learning_materials')
        .set({
          title: next.title,
          summary: next.summary,
          body_html: next.bodyHtml,
          url: next.url,
          category: next.category,
          tags: next.tags,
          length_seconds: u.lengthSeconds ?? cur.length_seconds,
          status: u.status ?? cur.status,
          search_text: searchText(next),
          updated_at: ctx.clock.now(),
        })
        .where('id', '=', id)
        .execute(),
  );
}
