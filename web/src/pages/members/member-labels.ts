// Labels of the member record's codes in the current language (value lists live in domain/).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, DEGREE_LABELS, EDUCATION_LABELS, ETHNICITY_LABELS, OCCUPATION_LABELS } from '../../../../domain/member-fields';
import { MEMBER_STATUS_LABELS } from '../../../../domain/member-status';
import { JOINING_PERIODS } from '../../../../domain/rules/members';

type Table = Record<string, { zh: string; en: string }>;
const TABLES = {
  category: CATEGORY_LABELS as Table,
  degree: DEGREE_LABELS as Table,
  education: EDUCATION_LABELS as Table,
  ethnicity: ETHNICITY_LABELS as Table,
  occupation: OCCUPATION_LABELS as Table,
  status: MEMBER_STATUS_LABELS as Table,
};
export type LabelKind = keyof typeof TABLES;

export function useMemberLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return useMemo(() => {
    const label = (kind: LabelKind, code: string | null | undefined) => (code ? (TABLES[kind][code]?.[lang] ?? code) : '');
    const options = (kind: LabelKind) => Object.entries(TABLES[kind]).map(([value, l]) => ({ value, label: l[lang] }));
    const periods = JOINING_PERIODS.map((p) => ({ value: p.code, label: p[lang], from: p.from ?? undefined, to: p.to ?? undefined }));
    return { lang, label, options, periods };
  }, [lang]);
}
