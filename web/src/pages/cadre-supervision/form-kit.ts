// Small helpers shared by the supervision forms: field rules and labels of the domain's enumerations.
import type { TFunction } from 'i18next';
import zh from '../../i18n/zh/cadre-supervision';

export const need = (t: TFunction) => [{ required: true, message: t('cadreSupervision.form.required') }];
export const needText = (t: TFunction, max: number) => [
  { required: true, whitespace: true, message: t('cadreSupervision.form.required') },
  { max, message: t('cadreSupervision.form.tooLong', { max }) },
];
export const optText = (t: TFunction, max: number) => [{ max, message: t('cadreSupervision.form.tooLong', { max }) }];

type Value = keyof typeof zh.v;
const isValue = (x: string): x is Value => Object.hasOwn(zh.v, x);
/** A value of a domain enumeration (stored in Chinese) in the interface language. */
export const valueLabel = (t: TFunction, x: string | null | undefined): string =>
  x && isValue(x) ? t(`cadreSupervision.v.${x}`) : (x ?? '');
/** Select options of a domain enumeration, labelled in the interface language. */
export const enumOptions = (t: TFunction, values: readonly string[]) => values.map((v) => ({ value: v, label: valueLabel(t, v) }));
