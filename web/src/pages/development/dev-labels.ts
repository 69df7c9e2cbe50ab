// Labels of the development steps, stages and statuses in the current language, and due windows as text.
import { useTranslation } from 'react-i18next';
import {
  DEV_STAGES,
  FULL_OUTCOME_LABELS,
  PERSON_STATUS_LABELS,
  stepDef,
  type FullOutcome,
  type PersonStatus,
} from '../../../../domain/rules/development-steps';

export function useDevLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return {
    step: (no: number) => `${no}. ${stepDef(no)[lang]}`,
    stage: (no: number) => DEV_STAGES[no - 1][lang],
    status: (s: PersonStatus) => PERSON_STATUS_LABELS[s][lang],
    outcome: (o: FullOutcome) => FULL_OUTCOME_LABELS[o][lang],
    window: (w: { from: string | null; by: string | null } | null) => {
      if (!w || (!w.from && !w.by)) return '';
      if (w.from && w.by) return t('development.window.range', { from: w.from, by: w.by });
      return w.from ? t('development.window.from', { date: w.from }) : t('development.window.by', { date: w.by });
    },
  };
}

export const STATUS_COLORS: Record<PersonStatus, string> = {
  applicant: 'default',
  activist: 'blue',
  candidate: 'purple',
  probationary: 'orange',
  full: 'red',
  cancelled: 'default',
};
