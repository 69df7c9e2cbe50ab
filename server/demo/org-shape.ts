// The layout of the demo city: the 市委 at the root, ~10 districts and counties, ~100 街道 and
// 镇/乡 under them, and the organization budget shared out so the total comes out exact.
import type { OrgNode } from './org-tree.js';
import { OrgTree } from './org-tree.js';
import { createRng } from './prng.js';
import { addMonths, addYears, daysBetween, earlierOf, randomDate } from './dates.js';
import { UnitBuilder } from './unit-builder.js';
import { districtName, MAX_DISTRICTS, townshipWord } from './place-names.js';
import { fillCity, fillDistrict, fillTownship, type ShapeContext } from './place-menus.js';
import { BRANCH_KINDS } from '../../domain/org-kinds.js';

export interface CityShape {
  tree: OrgTree;
  districts: OrgNode[];
  townships: OrgNode[];
}

export const MIN_ORGS = 50;

// How the organizations below the districts and townships themselves are shared out.
const CITY_SHARE = 0.1;
const DISTRICT_SHARE = 0.15;

/** Splits `total` in proportion to `weights` (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

export function shapeCity(seed: number, orgCount: number, city: string, asOf: string): CityShape {
  if (!Number.isInteger(orgCount) || orgCount < MIN_ORGS) throw new Error(`demo city: orgCount must be an integer ≥ ${MIN_ORGS}`);
  const rng = createRng(seed, 1);
  const tree = new OrgTree(rng, asOf);
  const ctx: ShapeContext = { tree, rng, units: new UnitBuilder(tree, rng), city, usedCompanies: new Set(), usedProjects: new Set() };

  // A real prefecture-level city has about ten districts and counties and ten-odd townships each;
  // a small test city keeps the same shape in miniature.
  const districtCount = Math.min(MAX_DISTRICTS, Math.max(2, Math.round(Math.sqrt(orgCount) / 4.5)));
  const townshipCount = Math.min(15 * districtCount, Math.max(districtCount, Math.round(orgCount / 20)));
  const perDistrict = apportion(
    townshipCount - districtCount,
    Array.from({ length: districtCount }, () => 0.7 + rng.next() * 0.6),
  ).map((n) => n + 1);
  const units = orgCount - 1 - districtCount - townshipCount;
  const cityBudget = Math.round(units * CITY_SHARE);
  const districtBudget = Math.round(units * DISTRICT_SHARE);
  const districtBudgets = apportion(
    districtBudget,
    perDistrict.map(() => 0.8 + rng.next() * 0.4),
  );
  const townshipBudgets = apportion(
    units - cityBudget - districtBudget,
    Array.from({ length: townshipCount }, () => 0.6 + rng.next()),
  );

  const root = tree.add(null, {
    name: `中共${city}委员会`,
    shortName: `${city}委`,
    kind: 'city_committee',
    unitType: null,
    areaCode: 'C01',
    establishedOn: '1983-10-01',
  });
  fillCity(ctx, root, cityBudget);

  const districts: OrgNode[] = [];
  const townships: OrgNode[] = [];
  const usedWords = new Set<string>();
  for (let d = 0; d < districtCount; d++) {
    const { name, suffix, urban } = districtName(d);
    const district = tree.add(root, {
      name: `中共${city}${name}委员会`,
      shortName: `${name}委`,
      kind: 'county_committee',
      unitType: null,
      areaCode: `C01-D${String(d + 1).padStart(2, '0')}`,
      establishedOn: randomDate(rng, '1983-10-01', '1998-12-31'),
      district: d,
    });
    districts.push(district);
    fillDistrict(ctx, district, { prefix: city + name, mark: suffix }, districtBudgets[d]);
    for (let t = 0; t < perDistrict[d]; t++) {
      // Urban districts are mostly 街道; a county has a 街道 or two at its seat and 镇 and 乡 beyond.
      const type = urban ? (rng.chance(0.85) ? '街道' : '镇') : t === 0 ? '街道' : rng.chance(0.75) ? '镇' : '乡';
      const word = townshipWord(rng, usedWords) + type;
      const township = tree.add(district, {
        name: `中共${city}${name}${word}${type === '街道' ? '工作' : ''}委员会`,
        shortName: `${word}${type === '街道' ? '党工委' : '党委'}`,
        kind: 'township_committee',
        unitType: null,
        areaCode: `${district.code}-T${String(townships.length + 1).padStart(3, '0')}`,
        establishedOn: randomDate(rng, district.establishedOn, '2005-12-31'),
      });
      fillTownship(ctx, township, { prefix: city + name + word, mark: '' }, type === '街道', townshipBudgets[townships.length]);
      townships.push(township);
    }
  }
  if (tree.size !== orgCount) throw new Error(`demo city: built ${tree.size} organizations, wanted ${orgCount}`);
  markDissolved(tree, createRng(seed, 2));
  return { tree, districts, townships };
}

/**
 * A handful of leaf branches are dissolved, as a real tree keeps them for the record:
 * about half the temporary branches (their projects are over) and a few others.
 */
function markDissolved(tree: OrgTree, rng: ReturnType<typeof createRng>): void {
  const leaves = tree.nodes.filter((n) => BRANCH_KINDS.includes(n.kind) && n.children.length === 0);
  const others = Math.max(2, Math.round(tree.size * 0.002));
  const chosen = new Set(leaves.filter((n) => n.kind === 'temporary_branch' && rng.chance(0.5)));
  for (let i = 0; i < others * 4 && chosen.size < others + 1; i++) chosen.add(rng.pick(leaves));
  const lastDay = addMonths(tree.asOf, -1);
  for (const node of tree.nodes) {
    if (!chosen.has(node)) continue;
    // A temporary branch ends with its project (6–18 months); others after at least a year.
    const from = node.kind === 'temporary_branch' ? addMonths(node.establishedOn, 6) : addYears(node.establishedOn, 1);
    const to = node.kind === 'temporary_branch' ? addMonths(node.establishedOn, 18) : lastDay;
    node.status = 'dissolved';
    node.dissolvedOn = daysBetween(from, lastDay) < 0 ? lastDay : randomDate(rng, from, earlierOf(to, lastDay));
  }
}
