// The talent office's panel (issue 15 point 1): the registry's size, cards valid, expiring within the renewal
// window and expired, 认定 applications in review, and the structure by tier and by district. Four grouped
// reads of the active talents below the organization, through the talent module's queries.
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { cardStateRange } from '../../../domain/rules/talent-card.js';
import type { TTalentPanel } from '../../../domain/schemas/talent.js';
import { filtered } from '../talent/queries.js';
import { openRecognitionCount } from '../talent/recognition.js';
import { structureOf } from '../talent/structure.js';
import type { PanelOrg } from './panel-org.js';

export async function talentPanel(db: Db, org: PanelOrg, today: string): Promise<TTalentPanel> {
  const soon = cardStateRange('expiring', today);
  const soonTo = 'to' in soon ? soon.to : today;
  const [counts, byTier, byDistrict, recognitionsOpen] = await Promise.all([
    filtered(db, org.path, { status: 'active' })
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where t.recruitment = 'flexible')::int`.as('flexible'),
        sql<number>`count(*) filter (where t.card_expires_on >= ${today})::int`.as('carded'),
        sql<number>`count(*) filter (where t.card_expires_on between ${today} and ${soonTo})::int`.as('expiring'),
        sql<number>`count(*) filter (where t.card_expires_on < ${today})::int`.as('expired'),
      ])
      .executeTakeFirstOrThrow(),
    structureOf(db, org.path, 'tier'),
    structureOf(db, org.path, 'district'),
    openRecognitionCount(db, org.path),
  ]);
  return { org: { id: org.id, name: org.name }, today, ...counts, recognitionsOpen, byTier: byTier.rows, byDistrict: byDistrict.rows };
}
