// Labels of 民主测评's domain codes in the current language: answer options from the domain's ANSWER_SETS.
import { useTranslation } from 'react-i18next';
import { ANSWER_SETS, type AnswerSetKey } from '../../../../domain/rules/democratic-evaluation';

export function useAnswerLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return {
    options: (set: AnswerSetKey) => ANSWER_SETS[set].map((o) => ({ value: o.key, label: o[lang] })),
    option: (set: AnswerSetKey, key: string) => ANSWER_SETS[set].find((o) => o.key === key)?.[lang] ?? key,
  };
}

/** The public voting page's address, as printed on slips. */
export const voteUrl = () => `${window.location.origin}/vote`;

export const STATUS_COLOR = { draft: 'default', open: 'processing', closed: 'success' } as const;
