// 任职回避 (RULES.md §7, V): spouses, lineal relatives, collateral relatives within three generations and close
// in-laws may not serve under the same direct leader, in a direct superior–subordinate line, or in the
// organization/personnel, discipline, audit or finance work of a body one of them leads. 《中华人民共和国公务员法》
// (2018) 第七十四条; 《党政领导干部选拔任用工作条例》(2019) 第十章 (交流、回避). Close in-laws (近姻亲) as in the
// 《公务员回避规定》: 配偶的父母、配偶的兄弟姐妹及其配偶、子女的配偶及子女配偶的父母、三代以内旁系血亲的配偶 (R).
// 称谓 follow GB/T 4761《家庭关系代码》 as written on the 任免审批表 (家庭主要成员及重要社会关系), plus common forms.

export const AVOIDANCE_ARTICLE = '《中华人民共和国公务员法》第七十四条、《党政领导干部选拔任用工作条例》第十章';

export type RelationKind = 'spouse' | 'lineal' | 'collateral-within-three' | 'close-in-law' | 'none';

export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  spouse: '夫妻关系',
  lineal: '直系血亲关系',
  'collateral-within-three': '三代以内旁系血亲关系',
  'close-in-law': '近姻亲关系',
  none: '无需回避的关系',
};

const ORDINALS = ['长', '次', '三', '四', '五', '独生', '其他', '养', '继'];
const withOrdinals = (base: string) => [base, ...ORDINALS.map((o) => `${o}${base}`)];

const RELATIONS: Record<Exclude<RelationKind, 'none'>, readonly string[]> = {
  spouse: ['配偶', '夫', '妻', '丈夫', '妻子', '爱人'],
  lineal: [
    ...['父亲', '母亲', '父', '母', '养父', '养母', '继父', '继母', '儿子', '女儿', '子女'],
    ...withOrdinals('子'),
    ...withOrdinals('女'),
    ...['祖父', '祖母', '外祖父', '外祖母', '爷爷', '奶奶', '外公', '外婆', '曾祖父', '曾祖母', '曾外祖父', '曾外祖母'],
    ...['孙子', '孙女', '外孙子', '外孙女', '外孙', '曾孙子', '曾孙女', '曾外孙子', '曾外孙女'],
  ],
  'collateral-within-three': [
    ...['兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹', '兄弟姐妹'],
    ...['伯父', '叔父', '姑母', '舅父', '姨母', '伯伯', '叔叔', '姑姑', '舅舅', '姨妈'],
    ...['堂兄', '堂弟', '堂姐', '堂妹', '堂兄弟', '堂姐妹', '表兄', '表弟', '表姐', '表妹', '表兄弟', '表姐妹'],
    ...['侄子', '侄女', '外甥', '外甥女'],
  ],
  'close-in-law': [
    // 配偶的父母
    ...['公公', '婆婆', '岳父', '岳母'],
    // 配偶的兄弟姐妹及其配偶
    ...['内兄', '内弟', '大姨子', '小姨子', '连襟', '大伯子', '小叔子', '大姑子', '小姑子', '妯娌', '配偶的兄弟姐妹'],
    // 子女的配偶及子女配偶的父母
    ...['儿媳', '女婿', '亲家', '亲家公', '亲家母'],
    // 三代以内旁系血亲的配偶
    ...[
      '嫂',
      '嫂子',
      '弟媳',
      '弟妹',
      '姐夫',
      '妹夫',
      '伯母',
      '婶母',
      '婶婶',
      '舅母',
      '舅妈',
      '姑父',
      '姨父',
      '侄媳',
      '侄女婿',
      '外甥媳妇',
      '外甥女婿',
    ],
    ...['堂嫂', '堂弟媳', '堂姐夫', '堂妹夫', '表嫂', '表弟媳', '表姐夫', '表妹夫'],
  ],
};

const BY_NAME = new Map<string, RelationKind>(
  (Object.keys(RELATIONS) as Exclude<RelationKind, 'none'>[]).flatMap((k) => RELATIONS[k].map((name) => [name, k] as const)),
);

/** The kind of a 称谓 for 回避; anything else (朋友, 同学, 其他亲属, 非亲属 …) is 'none'. */
export function relationKind(relation: string): RelationKind {
  return BY_NAME.get(relation.replace(/\s+/g, '')) ?? 'none';
}

/** Organization/personnel, discipline, audit and finance work: barred under a relative who leads the body. */
export const SENSITIVE_AREAS = { organization: '组织人事', discipline: '纪检监察', audit: '审计', finance: '财务' } as const;
export type WorkArea = keyof typeof SENSITIVE_AREAS | 'other';

export interface Placement {
  personId: string;
  name: string;
  unitId: string;
  /** The leader the post reports to directly (直接隶属的领导人员), by person id. */
  leaderId: string | null;
  /** Bodies this person leads (担任领导职务的机关), by unit id. */
  leads: readonly string[];
  area: WorkArea;
}

/** A relation as written on a person's family table: `relation` is what `relativeId` is to `personId`. */
export interface Relative {
  personId: string;
  relativeId: string;
  relation: string;
}

export type ConflictKind = 'same-leader' | 'direct-line' | 'sensitive-work';
export interface AvoidanceConflict {
  withPersonId: string;
  relation: string;
  relationKind: RelationKind;
  conflict: ConflictKind;
  message: string;
}

function conflictsBetween(a: Placement, b: Placement): ConflictKind[] {
  const out: ConflictKind[] = [];
  if (a.unitId === b.unitId && a.leaderId !== null && a.leaderId === b.leaderId) out.push('same-leader');
  if (a.leaderId === b.personId || b.leaderId === a.personId) out.push('direct-line');
  const sensitive = (x: Placement, y: Placement) => x.leads.includes(y.unitId) && y.area !== 'other';
  if (sensitive(a, b) || sensitive(b, a)) out.push('sensitive-work');
  return out;
}

const WHAT: Record<ConflictKind, string> = {
  'same-leader': '不得在同一机关双方直接隶属于同一领导人员的职位工作',
  'direct-line': '不得在有直接上下级领导关系的职位工作',
  'sensitive-work': '不得在其中一方担任领导职务的机关从事组织人事、纪检监察、审计和财务工作',
};

/**
 * The 回避 conflicts of a proposed placement with the people already placed, through the relations recorded in
 * either direction. Each conflict names the relative, the relation and the rule, in Chinese with the article.
 */
export function avoidanceConflicts(
  proposed: Placement,
  placements: readonly Placement[],
  relatives: readonly Relative[],
): AvoidanceConflict[] {
  const out: AvoidanceConflict[] = [];
  for (const other of placements) {
    if (other.personId === proposed.personId) continue;
    const rel = relatives.find(
      (r) =>
        relationKind(r.relation) !== 'none' &&
        ((r.personId === proposed.personId && r.relativeId === other.personId) ||
          (r.personId === other.personId && r.relativeId === proposed.personId)),
    );
    if (!rel) continue;
    const kind = relationKind(rel.relation);
    for (const conflict of conflictsBetween(proposed, other)) {
      out.push({
        withPersonId: other.personId,
        relation: rel.relation,
        relationKind: kind,
        conflict,
        message: `${proposed.name}与${other.name}（${rel.relation}）有${RELATION_KIND_LABELS[kind]}，${WHAT[conflict]}（${AVOIDANCE_ARTICLE}）`,
      });
    }
  }
  return out;
}
