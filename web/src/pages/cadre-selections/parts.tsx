// Small pieces of the selection pages: step labels in the current language and the post/cadre picker.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SELECTION_STEPS, type SelectionStep } from '../../../../domain/rules/cadre-selection';
import { pick } from '../../api/cadre-selections';
import { SELECTION_WAYS } from '../../../../domain/schemas/cadre-selections';

export function useStepLabel() {
  const { t } = useTranslation();
  const labels = t('cadreSelections.steps', { returnObjects: true }) as unknown as string[];
  return (s: SelectionStep) => labels[SELECTION_STEPS.indexOf(s)] ?? s;
}

/** A searchable select of the posts or cadres the officer manages. */
export function PickerSelect(props: {
  kind: 'post' | 'cadre';
  multiple?: boolean;
  value?: number | number[];
  onChange?: (v: number | number[]) => void;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      pick(props.kind, q || undefined).then(
        (r) => live && setOptions(r.items.map((x) => ({ value: x.id, label: x.label }))),
        () => undefined,
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.kind, q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={props.onChange}
      options={options}
      style={props.style ?? { width: '100%' }}
      data-testid={props.testId}
    />
  );
}

/** The steps by position (their names are the regulation's, kept in domain/rules/cadre-selection.ts). */
export const [MOTION, RECOMMEND, INSPECT, DECIDE, PUBLICITY, APPOINT, PROBATION] = SELECTION_STEPS;

/** The selection way that runs sign-up, review and exams at the 民主推荐 step (domain/schemas SELECTION_WAYS). */
export const COMPETITION_WAY = SELECTION_WAYS[1];
