// Small shared pieces of the dues pages: money in 元, month pickers' value conversion, level tags.
import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ArrearsLevel } from '../../../../domain/rules/dues';

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen shown as 元 with thousands separators, e.g. 12345678 → "123,456.78". */
export const fenToYuan = (fen: number | null | undefined) => (fen == null ? '—' : YUAN.format(fen / 100));
/** 元 typed by a person → integer fen (no floating-point drift: 0.1 + 0.2 style errors are rounded away). */
export const yuanToFen = (yuan: number | null | undefined) => (yuan == null ? undefined : Math.round(yuan * 100));
export const MONTH = 'YYYY-MM';
export const toMonth = (d: Dayjs | null | undefined) => (d ? d.format(MONTH) : undefined);
export const fromMonth = (m: string | undefined) => (m ? dayjs(`${m}-01`) : undefined);
export const thisMonth = () => dayjs().format(MONTH);

const COLORS: Record<ArrearsLevel, string | undefined> = {
  none: undefined,
  notice: 'blue',
  warning: 'orange',
  urgent: 'red',
  lapsed: 'magenta',
};

export function LevelTag({ level, months }: { level: ArrearsLevel; months?: number }) {
  const { t } = useTranslation();
  if (level === 'none') return null;
  return (
    <Tag color={COLORS[level]} data-testid={`level-${level}`}>
      {t(`dues.level.${level}`)}
      {months ? ` ${months}` : ''}
    </Tag>
  );
}
