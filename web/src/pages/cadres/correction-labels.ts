// Names of the fields a cadre may ask to correct, in the interface language.
import { useTranslation } from 'react-i18next';

export function useCorrectionLabels() {
  const { t } = useTranslation();
  return { field: (f: string) => t(`cadres.correctable.${f.replace('.', '_')}` as 'cadres.correctable.name', { defaultValue: f }) };
}
