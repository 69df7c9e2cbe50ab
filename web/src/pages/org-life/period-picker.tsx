// Month / quarter / year and the period itself ('YYYY-MM', 'YYYY-Qn', 'YYYY').
import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../../../domain/rules/org-life';
import { keyOf, periodStart, switchPeriod } from './compliance-format';

export interface PeriodValue {
  period: PeriodKind;
  key: string;
}

export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (v: PeriodValue) => void }) {
  const { t } = useTranslation();
  return (
    <Space size={8}>
      <Segmented<PeriodKind>
        data-testid="period-kind"
        value={value.period}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`orgLife.period.${k}`) }))}
        onChange={(period) => onChange({ period, key: switchPeriod(value, period) })}
      />
      <DatePicker
        data-testid="period-key"
        picker={value.period === 'month' ? 'month' : value.period}
        allowClear={false}
        value={periodStart(value.period, value.key)}
        format={(d) => keyOf(value.period, d)}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => d && onChange({ period: value.period, key: keyOf(value.period, d) })}
        style={{ width: 130 }}
      />
    </Space>
  );
}
