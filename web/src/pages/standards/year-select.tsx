// The assessment year: this year and the four before it.
import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export const thisYear = () => dayjs().year();

export function YearSelect({
  value,
  onChange,
  allowClear,
  testId,
}: {
  value?: number;
  onChange: (y: number | undefined) => void;
  allowClear?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const years = Array.from({ length: 5 }, (_, k) => thisYear() - k);
  return (
    <Select<number>
      style={{ width: 130 }}
      value={value}
      allowClear={allowClear}
      placeholder={t('standards.year')}
      onChange={onChange}
      data-testid={testId}
      options={years.map((y) => ({ value: y, label: t('standards.yearValue', { year: y }) }))}
    />
  );
}
