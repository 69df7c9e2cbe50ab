-- Audit retention (SECURITY.md 17, 18): rows older than the retention period (at least 6 months,
-- 网络安全法 第二十一条) may be purged, but only as a prefix of the chain, only through
-- audit_purge() below, and only with an anchor that lets the verifier start from the last purged
-- row instead of the genesis hash.
create table audit_anchors (
  id bigserial primary key,
  -- the last purged row: the first kept row's prev_hash is this hash
  seq bigint not null unique,
  hash text not null,
  purged_at timestamptz not null default now(),
  purged_by text not null,
  rows bigint not null,
  -- the cut-off date asked for, and the sha-256 of the export file that holds the purged rows
  before timestamptz not null,
  export_sha256 text not null
);

-- Deleting an audit row is allowed only inside audit_purge(), which names the last row it may
-- remove in a transaction-local setting, and never for a row younger than 6 months.
create or replace function audit_log_guard() returns trigger language plpgsql as $$
declare
  upto text := coalesce(current_setting('zugong.audit_purge_upto', true), '');
begin
  if tg_op = 'DELETE' and upto <> '' and old.seq <= upto::bigint and old.at < now() - interval '6 months' then
    return old;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;

-- TRUNCATE fires no row trigger: refuse it on both tables; anchors are never changed either.
create function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_append_only();
create trigger audit_anchors_no_update before update or delete on audit_anchors
  for each row execute function audit_append_only();
create trigger audit_anchors_no_truncate before truncate on audit_anchors
  for each statement execute function audit_append_only();

-- The one controlled path: removes rows 1..p_upto (a prefix) when the caller knows the hash of the
-- last one (it exported them), all of them are older than the cut-off, and the cut-off is at
-- least the retention before now; writes the anchor in the same transaction. The caller appends
-- its own audit row (audit.purge) afterwards, in the same transaction.
create function audit_purge(p_upto bigint, p_upto_hash text, p_before timestamptz, p_by text,
                            p_export_sha256 text, p_retention interval default interval '6 months')
returns bigint language plpgsql as $$
declare
  v_hash text;
  v_rows bigint;
  v_last_at timestamptz;
begin
  if p_retention < interval '6 months' then
    raise exception '审计记录至少保存 6 个月（网络安全法第二十一条）' using errcode = 'P0001';
  end if;
  if p_before > now() - p_retention then
    raise exception '不能清理保存期（%）内的审计记录', p_retention using errcode = 'P0001';
  end if;
  -- the same lock appendAudit takes: no row is appended while the prefix is cut
  perform pg_advisory_xact_lock(7283001::bigint);
  select hash into v_hash from audit_log where seq = p_upto;
  if v_hash is null or v_hash <> p_upto_hash then
    raise exception '第 % 条审计记录与导出文件不符', p_upto using errcode = 'P0001';
  end if;
  select count(*), max(at) into v_rows, v_last_at from audit_log where seq <= p_upto;
  if v_last_at >= p_before then
    raise exception '第 % 条及之前的审计记录中有晚于截止日期的记录', p_upto using errcode = 'P0001';
  end if;
  perform set_config('zugong.audit_purge_upto', p_upto::text, true);
  delete from audit_log where seq <= p_upto;
  perform set_config('zugong.audit_purge_upto', '', true);
  insert into audit_anchors (seq, hash, purged_by, rows, before, export_sha256)
    values (p_upto, v_hash, p_by, v_rows, p_before, p_export_sha256);
  return v_rows;
end $$;
