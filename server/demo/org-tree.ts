// The demo city's organization tree, held in memory while it is shaped. Ids are handed out
// here in creation order, so every path ('1.12.305') is known before anything is inserted and
// a parent always has a smaller id than its children.
import { ALLOWED_CHILD_KINDS, type OrgKind, type UnitType } from '../../domain/org-kinds.js';
import type { Rng } from './prng.js';
import { addYears, earlierOf, laterOf, randomDate } from './dates.js';

export interface OrgNode {
  id: number;
  parent: OrgNode | null;
  path: string;
  name: string;
  shortName: string;
  code: string;
  /** Code of the nearest city, district or township: the prefix of this organization's code. */
  areaCode: string;
  kind: OrgKind;
  unitType: UnitType | null;
  establishedOn: string;
  status: 'active' | 'dissolved';
  dissolvedOn: string | null;
  children: OrgNode[];
  /** Index of the district the organization lies in; -1 for the city root and city-level units. */
  district: number;
}

export interface NewOrg {
  name: string;
  shortName: string;
  kind: OrgKind;
  unitType: UnitType | null;
  /** Set for the city, districts and townships, whose codes ('C01-D03-T012') are structural. */
  areaCode?: string;
  establishedOn?: string;
  district?: number;
}

// Units set up before reform and opening keep 1978 as their earliest founding date.
const EARLIEST_UNIT = '1978-01-01';

export class OrgTree {
  readonly nodes: OrgNode[] = [];

  constructor(
    private readonly rng: Rng,
    /** The "today" of the demo data. */
    readonly asOf: string,
  ) {}

  add(parent: OrgNode | null, o: NewOrg): OrgNode {
    // The generator must never produce a tree the service would refuse.
    if (parent && !ALLOWED_CHILD_KINDS[parent.kind].includes(o.kind)) {
      throw new Error(`demo city: ${o.kind} may not sit under ${parent.kind} (${o.name})`);
    }
    const id = this.nodes.length + 1;
    const node: OrgNode = {
      id,
      parent,
      path: parent ? `${parent.path}.${id}` : String(id),
      name: o.name,
      shortName: o.shortName,
      code: o.areaCode ?? `${parent?.areaCode ?? 'C01'}-${String(id).padStart(5, '0')}`,
      areaCode: o.areaCode ?? parent?.areaCode ?? 'C01',
      kind: o.kind,
      unitType: o.unitType,
      establishedOn: o.establishedOn ?? this.foundingDate(parent, o.kind),
      status: 'active',
      dissolvedOn: null,
      children: [],
      district: o.district ?? parent?.district ?? -1,
    };
    this.nodes.push(node);
    parent?.children.push(node);
    return node;
  }

  /** A founding date after the parent's; temporary branches are recent by nature (projects of months). */
  private foundingDate(parent: OrgNode | null, kind: OrgKind): string {
    const latest = addYears(this.asOf, -1);
    if (kind === 'temporary_branch') return randomDate(this.rng, addYears(this.asOf, -3), latest);
    const from = laterOf(parent?.establishedOn ?? EARLIEST_UNIT, EARLIEST_UNIT);
    if (kind === 'party_group') return randomDate(this.rng, from, earlierOf(addYears(from, 3), latest));
    return randomDate(this.rng, from, earlierOf(addYears(this.asOf, -2), latest));
  }

  get size(): number {
    return this.nodes.length;
  }
}
