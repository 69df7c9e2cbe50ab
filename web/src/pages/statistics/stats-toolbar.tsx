// The table's parameters: organization, reference month, the period of a period table, the age
// bands of the age table; and the actions: export (purpose asked), print.
import { useState } from 'react';
import { Button, DatePicker, Input, Space, Switch, Tooltip } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ageBandsProblem } from '../../../../domain/rules/statistics';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { TStatsTable } from '../../api/statistics';

export interface ToolbarValues {
  orgId: number;
  month: string;
  ageBands?: string;
  from?: string;
  to?: string;
  hideZero: boolean;
}

interface Props {
  values: ToolbarValues;
  table: TStatsTable | undefined;
  orgLabel?: string;
  canExport: boolean;
  onChange: (patch: Partial<ToolbarValues>) => void;
  onExport: () => void;
}

const MONTH = 'YYYY-MM';
const DAY = 'YYYY-MM-DD';

export function StatsToolbar({ values, table, orgLabel, canExport, onChange, onExport }: Props) {
  const { t } = useTranslation();
  // What the user is typing; until then, the bands in use (from the URL or the setting).
  const [typed, setTyped] = useState<string>();
  const bands = typed ?? values.ageBands ?? table?.ageBands.join(',') ?? '';
  const bandsList = bands
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  const bandsBad = bands !== '' && ageBandsProblem(bandsList) !== null;

  return (
    <div className="filter-bar stats-toolbar">
      <Space wrap>
        <span className="stats-field">
          {t('statistics.org')}
          <OrgTreeSelect
            style={{ width: 320 }}
            value={values.orgId}
            valueLabel={orgLabel}
            placeholder={t('statistics.pickOrg')}
            onChange={(id) => id && onChange({ orgId: id })}
          />
        </span>
        <span className="stats-field">
          {t('statistics.month')}
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${values.month}-01`)}
            data-testid="stats-month"
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && onChange({ month: d.format(MONTH), from: undefined, to: undefined })}
          />
        </span>
        {table?.source === 'events' && table.period && (
          <span className="stats-field">
            {t('statistics.period')}
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(table.period.from), dayjs(table.period.to)]}
              disabledDate={(d) => d.isAfter(dayjs(table.asOf))}
              onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format(DAY), to: v[1].format(DAY) })}
            />
          </span>
        )}
        {table?.code === 'age' && (
          <span className="stats-field">
            {t('statistics.ageBands')}
            <Tooltip title={bandsBad ? t('statistics.ageBandsInvalid') : t('statistics.ageBandsHint')}>
              <Space.Compact>
                <Input
                  style={{ width: 200 }}
                  value={bands}
                  status={bandsBad ? 'error' : undefined}
                  onChange={(e) => setTyped(e.target.value)}
                  data-testid="stats-age-bands"
                />
                <Button disabled={bandsBad || bands === ''} onClick={() => onChange({ ageBands: bandsList.join(',') })}>
                  {t('statistics.ageBandsApply')}
                </Button>
                <Button
                  onClick={() => {
                    setTyped(undefined);
                    onChange({ ageBands: undefined });
                  }}
                >
                  {t('statistics.ageBandsReset')}
                </Button>
              </Space.Compact>
            </Tooltip>
          </span>
        )}
        <span className="stats-field">
          <Switch size="small" checked={values.hideZero} onChange={(v) => onChange({ hideZero: v })} />
          {t('statistics.hideZero')}
        </span>
      </Space>
      <span style={{ flex: 1 }} />
      <Space>
        {canExport && (
          <Button icon={<DownloadOutlined />} disabled={!table} onClick={onExport} data-testid="stats-export">
            {t('statistics.exportTable')}
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('statistics.print')}
        </Button>
      </Space>
    </div>
  );
}
