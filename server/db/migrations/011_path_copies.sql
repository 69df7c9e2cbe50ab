-- Copies of organization paths (server/scope/path-copies.ts lists them): each is set from its
-- organization by the database when the record is written, and rewritten by moveOrg when the
-- organization moves. The organization's row is read FOR SHARE: a write that meets a move in flight
-- waits for it and takes the new path (a plain read would keep the old one, after the move had
-- already rewritten the copies it could see); a move that starts later waits for the write and then
-- rewrites its copy too.
create or replace function members_set_org_path() returns trigger language plpgsql as $$
begin
  new.org_path := (select path from orgs where id = new.org_id for share);
  return new;
end $$;

-- Transfer letters: both sides (a letter out of or into the city has one). Until now the application
-- copied the paths it had read before the transaction.
create function transfer_letters_set_paths() returns trigger language plpgsql as $$
begin
  new.from_path := (select path from orgs where id = new.from_org_id for share);
  new.to_path := (select path from orgs where id = new.to_org_id for share);
  return new;
end $$;
create trigger transfer_letters_paths before insert or update of from_org_id, to_org_id on transfer_letters
  for each row execute function transfer_letters_set_paths();
