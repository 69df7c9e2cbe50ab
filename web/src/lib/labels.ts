// Display labels for the domain's codes (org kinds, unit types, posts, roles) in the current language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_POST_LABELS, ORG_KIND_LABELS, UNIT_TYPE_LABELS } from '../../../domain/org-kinds';
import type { CommitteePost, OrgKind, UnitType } from '../../../domain/org-kinds';
import { ROLE_LABELS } from '../../../domain/permissions';
import type { Role } from '../../../domain/permissions';

type LabelTable<K extends string> = Record<K, { zh: string; en: string }>;

function lookup<K extends string>(table: LabelTable<K>, lang: 'zh' | 'en', code: string | null | undefined): string {
  if (!code) return '';
  return (table as Partial<LabelTable<string>>)[code]?.[lang] ?? code;
}

export interface Labels {
  lang: 'zh' | 'en';
  kind: (code: OrgKind | string | null | undefined) => string;
  unitType: (code: UnitType | string | null | undefined) => string;
  post: (code: CommitteePost | string | null | undefined) => string;
  role: (code: Role | string | null | undefined) => string;
}

export function useLabels(): Labels {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return useMemo(
    () => ({
      lang,
      kind: (code) => lookup(ORG_KIND_LABELS, lang, code),
      unitType: (code) => lookup(UNIT_TYPE_LABELS, lang, code),
      post: (code) => lookup(COMMITTEE_POST_LABELS, lang, code),
      role: (code) => lookup(ROLE_LABELS, lang, code),
    }),
    [lang],
  );
}
