// What each kind of place holds: the units of the city, of a district and of a 街道 or 镇,
// with how often each turns up and how big it tends to be.
import type { OrgKind, UnitType } from '../../domain/org-kinds.js';
import type { Rng } from './prng.js';
import type { OrgNode, OrgTree } from './org-tree.js';
import type { UnitBuilder } from './unit-builder.js';
import { fillPlace, type MenuItem } from './menu.js';
import { ordinal } from './names.js';
import { communityName, companyName, projectName, villageName } from './place-names.js';
import * as catalog from './unit-catalog.js';

export interface ShapeContext {
  tree: OrgTree;
  rng: Rng;
  units: UnitBuilder;
  city: string;
  usedCompanies: Set<string>;
  usedProjects: Set<string>;
}

/** A place's name as prefix of its units ('示范市东城区') and its one-character mark ('区'). */
export interface Area {
  prefix: string;
  mark: string;
}

type Size = MenuItem['size'];

const one: Size = () => 1;
// Most units are a single 党支部; one in twelve has 党小组.
const small: Size = (rng) => (rng.chance(0.92) ? 1 : rng.int(3, 4));
// Villages and communities: mostly a 党支部, some a 党总支, a few a 党委 with 网格 branches.
const grassroots: Size = (rng) => {
  const r = rng.next();
  return r < 0.7 ? 1 : r < 0.8 ? rng.int(3, 5) : r < 0.95 ? rng.int(6, 9) : rng.int(10, 14);
};
/** Scales a catalog unit to its share of the place's budget, with at least `min` organizations. */
const scaled =
  (share: number, count: number, min: number): Size =>
  (rng, budget) =>
    Math.max(min, Math.round(((budget * share) / count) * (0.5 + rng.next())));
// A unit big enough for seven or more organizations gets a 党委 rather than a 党总支 over many branches.
const committeeIfBig = (n: number): OrgKind => (n >= 8 ? 'party_committee' : 'branch');

function catalogItem(
  ctx: ShapeContext,
  label: string,
  names: readonly string[],
  area: Area,
  unitType: UnitType,
  weight: number,
  size: Size,
  top: (n: number) => OrgKind = committeeIfBig,
): MenuItem {
  // Each name is used once, in a seeded order: a small city has a few of the hospitals, not the first few.
  const order = ctx.rng.shuffle(names);
  let next = 0;
  return {
    label,
    weight,
    size,
    limit: names.length,
    build: (parent, n) => {
      const name = order[next++];
      ctx.units.build(parent, { prefix: area.prefix + name, short: area.mark + name, unitType, top: top(n) }, n);
    },
  };
}

/** A unit with a fixed name, built at most once (the township's 卫生院). */
function namedItem(
  ctx: ShapeContext,
  name: string,
  area: Area,
  unitType: UnitType,
  weight: number,
  top: OrgKind = 'branch',
  first = false,
): MenuItem {
  return { ...catalogItem(ctx, name, [name], { prefix: area.prefix, mark: '' }, unitType, weight, first ? small : one, () => top), first };
}

/** 联合党支部 of small units: 非公企业, 社会组织, 商务楼宇; numbered from the second on (非公企业第二联合党支部). */
function jointItem(ctx: ShapeContext, what: string, area: Area, unitType: UnitType, weight: number, limit?: number): MenuItem {
  let count = 0;
  return {
    label: what,
    weight,
    limit,
    size: one,
    build: (parent, n) => {
      const name = what + (++count > 1 ? ordinal(count) : '');
      ctx.units.build(parent, { prefix: area.prefix + name, short: name, unitType, top: 'joint_branch' }, n);
    },
  };
}

/** A private company; its name is unique in the whole city, as companies are registered city-wide. */
function companyItem(ctx: ShapeContext, weight: number, size: Size = small): MenuItem {
  return {
    label: 'company',
    weight,
    size,
    build: (parent, n) => {
      const name = companyName(ctx.rng, ctx.usedCompanies, ctx.city);
      ctx.units.build(
        parent,
        { prefix: name, short: name.slice(ctx.city.length), unitType: 'private_enterprise', top: committeeIfBig(n) },
        n,
      );
    },
  };
}

function temporaryItem(ctx: ShapeContext, area: Area, weight: number, limit: number): MenuItem {
  return {
    label: 'temporary',
    weight,
    limit,
    size: one,
    build: (parent, n) => {
      const name = projectName(ctx.rng, ctx.usedProjects);
      ctx.units.build(parent, { prefix: area.prefix + name, short: name, unitType: 'soe', top: 'temporary_branch' }, n);
    },
  };
}

/** A 党委 that gathers units (机关工委, 非公 and 社会组织 综合党委), filled from its own menu. */
function containerItem(
  ctx: ShapeContext,
  label: string,
  names: { name: string; shortName: string },
  unitType: UnitType,
  share: number,
  menu: () => MenuItem[],
): MenuItem {
  return {
    // Too small a share makes no container at all rather than a 党委 with nothing under it.
    label,
    weight: 0,
    first: true,
    size: (_rng, budget) => (budget * share >= 3 ? Math.round(budget * share) : 0),
    build: (parent, n) => {
      const node = ctx.tree.add(parent, { ...names, kind: 'party_committee', unitType });
      fillPlace(ctx.tree, ctx.rng, node, n - 1, menu());
    },
  };
}

function organsMenu(ctx: ShapeContext, area: Area, institutions: readonly string[]): MenuItem[] {
  // "人大常委会机关" already ends in 机关; the others take it: 财政局机关党支部.
  const bureaus = catalog.BUREAUS.map((b) => (b.endsWith('机关') ? b : b + '机关'));
  const bureauSize: Size = (rng, budget) => (rng.chance(0.5) ? 1 : Math.max(3, Math.round((budget / 25) * (0.5 + rng.next()))));
  return [
    catalogItem(ctx, 'bureau', bureaus, area, 'organ', 3, bureauSize, (n) => (n >= 4 ? 'party_committee' : 'branch')),
    catalogItem(ctx, 'institution', institutions, area, 'institution', 1.5, small),
    jointItem(ctx, '直属机关', area, 'organ', 0.3),
  ];
}

function nonPublicMenu(ctx: ShapeContext, area: Area): MenuItem[] {
  const big: Size = (rng) => (rng.chance(0.95) ? small(rng, 0) : rng.int(6, 15));
  return [companyItem(ctx, 5, big), jointItem(ctx, '非公企业', area, 'private_enterprise', 1)];
}

function socialMenu(ctx: ShapeContext, area: Area): MenuItem[] {
  return [catalogItem(ctx, 'social', catalog.SOCIAL_ORGS, area, 'social_org', 3, one), jointItem(ctx, '社会组织', area, 'social_org', 1)];
}

/** The units directly under the 市委: departments through the 机关工委, hospitals, schools, group companies. */
export function fillCity(ctx: ShapeContext, root: OrgNode, budget: number): void {
  const area: Area = { prefix: ctx.city, mark: '市' };
  const college = ctx.city.replace(/市$/, '') + '职业技术学院';
  fillPlace(ctx.tree, ctx.rng, root, budget, [
    containerItem(ctx, 'city organs', { name: `中共${ctx.city}直属机关工作委员会`, shortName: '市直机关工委' }, 'organ', 0.3, () =>
      organsMenu(ctx, area, catalog.CITY_INSTITUTIONS),
    ),
    containerItem(
      ctx,
      'city non-public',
      { name: `${ctx.city}非公有制经济组织综合党委`, shortName: '市非公经济组织综合党委' },
      'private_enterprise',
      0.12,
      () => nonPublicMenu(ctx, area),
    ),
    containerItem(ctx, 'city social', { name: `${ctx.city}社会组织综合党委`, shortName: '市社会组织综合党委' }, 'social_org', 0.05, () =>
      socialMenu(ctx, area),
    ),
    catalogItem(ctx, 'hospital', catalog.CITY_HOSPITALS, area, 'hospital', 3, scaled(0.15, 9, 4), () => 'party_committee'),
    catalogItem(ctx, 'school', catalog.CITY_SCHOOLS, area, 'school', 3, scaled(0.1, 10, 1), (n) => (n >= 4 ? 'party_committee' : 'branch')),
    catalogItem(ctx, 'college', [college], { prefix: '', mark: '' }, 'school', 2, scaled(0.05, 1, 4), () => 'party_committee'),
    catalogItem(ctx, 'soe', catalog.CITY_SOES, area, 'soe', 3, scaled(0.2, 10, 4), () => 'party_committee'),
    temporaryItem(ctx, area, 0.5, 3),
    // Past the catalogs, large private enterprises with a 党委 of their own absorb the rest.
    companyItem(ctx, 1, (rng) => rng.int(4, 12)),
  ]);
}

/** The units directly under a 区委 or 县委, beside its townships. */
export function fillDistrict(ctx: ShapeContext, district: OrgNode, area: Area, budget: number): void {
  fillPlace(ctx.tree, ctx.rng, district, budget, [
    containerItem(
      ctx,
      'district organs',
      { name: `中共${area.prefix}直属机关工作委员会`, shortName: `${area.mark}直机关工委` },
      'organ',
      0.35,
      () => organsMenu(ctx, area, catalog.DISTRICT_INSTITUTIONS),
    ),
    containerItem(
      ctx,
      'district non-public',
      { name: `${area.prefix}非公有制经济组织综合党委`, shortName: `${area.mark}非公经济组织综合党委` },
      'private_enterprise',
      0.12,
      () => nonPublicMenu(ctx, area),
    ),
    catalogItem(ctx, 'hospital', catalog.DISTRICT_HOSPITALS, area, 'hospital', 2, scaled(0.1, 3, 3), () => 'party_committee'),
    catalogItem(ctx, 'school', catalog.DISTRICT_SCHOOLS, area, 'school', 3, (rng) => (rng.chance(0.6) ? 1 : rng.int(3, 6))),
    catalogItem(ctx, 'soe', catalog.DISTRICT_SOES, area, 'soe', 1.5, scaled(0.1, 5, 1)),
    catalogItem(ctx, 'social', catalog.SOCIAL_ORGS, area, 'social_org', 1.5, one),
    temporaryItem(ctx, area, 0.4, 2),
    companyItem(ctx, 1),
  ]);
}

/** A 街道 holds communities (社区党支部), a 镇 or 乡 villages (村党支部); both their own 机关 first. */
export function fillTownship(ctx: ShapeContext, township: OrgNode, area: Area, street: boolean, budget: number): void {
  // Village and community names need only be unique within their township, as in real life.
  const usedLocal = new Set<string>();
  const grassrootsItem = (label: string, unitType: UnitType, weight: number, draw: () => string, limit?: number): MenuItem => ({
    label,
    weight,
    limit,
    size: grassroots,
    build: (parent, n) => {
      const name = draw();
      ctx.units.build(parent, { prefix: area.prefix + name, short: name, unitType, top: committeeIfBig(n) }, n);
    },
  });
  const community = (weight: number, limit?: number) =>
    grassrootsItem('community', 'community', weight, () => communityName(ctx.rng, usedLocal), limit);
  const common = [
    namedItem(ctx, '机关', area, 'organ', 0, 'branch', true),
    companyItem(ctx, street ? 2 : 1.5),
    jointItem(ctx, '非公企业', area, 'private_enterprise', 1.5, street ? 2 : 1),
    temporaryItem(ctx, area, 0.2, 1),
  ];
  if (street) {
    fillPlace(ctx.tree, ctx.rng, township, budget, [
      ...common,
      community(8),
      namedItem(ctx, '社区卫生服务中心', area, 'hospital', 1),
      jointItem(ctx, '社会组织', area, 'social_org', 1, 1),
      jointItem(ctx, '商务楼宇', area, 'private_enterprise', 0.7, 1),
    ]);
    return;
  }
  fillPlace(ctx.tree, ctx.rng, township, budget, [
    ...common,
    grassrootsItem('village', 'rural', 10, () => villageName(ctx.rng, usedLocal)),
    // The 镇区 around the town hall has a community or two.
    community(0.6, 2),
    catalogItem(ctx, 'school', catalog.TOWN_SCHOOLS, { prefix: area.prefix, mark: '' }, 'school', 1.5, one),
    namedItem(ctx, '卫生院', area, 'hospital', 1),
    jointItem(ctx, '农民专业合作社', area, 'other', 0.8, 1),
  ]);
}
