// The figures at a glance, each card filled by the panel it belongs to as soon as that panel answers.
import type { ReactNode } from 'react';
import { Card, Skeleton, Statistic, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TPanelData } from '../../api/dashboard';
import type { RequestState } from '../../lib/use-request';
import { useLabels } from '../../lib/labels';

export type Panels = { [P in keyof TPanelData]: RequestState<TPanelData[P]> };

const pct = (num: number, den: number) => (den > 0 ? `${((100 * num) / den).toFixed(1)}%` : '—');

function Kpi<T>({
  state,
  title,
  testId,
  value,
  note,
  danger,
  hint,
}: {
  state: RequestState<T>;
  title: string;
  /** What the figure counts (the panel's basis: statuses and reference date). */
  hint?: (d: T) => string;
  testId: string;
  value: (d: T) => ReactNode;
  note: (d: T) => ReactNode;
  danger?: (d: T) => boolean;
}) {
  const d = state.data;
  return (
    <Card size="small" className="kpi-card" data-testid={testId}>
      {d === undefined ? (
        <Skeleton active paragraph={{ rows: 1 }} title={{ width: '60%' }} />
      ) : (
        <>
          <Statistic
            title={
              hint ? (
                <Tooltip title={hint(d)}>
                  <span data-testid={`${testId}-basis`}>
                    {title} <InfoCircleOutlined />
                  </span>
                </Tooltip>
              ) : (
                title
              )
            }
            value={value(d) as string}
            valueStyle={danger?.(d) ? { color: '#c8161d' } : undefined}
          />
          <div className="muted">{note(d)}</div>
        </>
      )}
    </Card>
  );
}

export function KpiCards({ panels }: { panels: Panels }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const { members, development, compliance, dues, terms, standards } = panels;
  return (
    <div className="kpi-grid">
      <Kpi
        state={members}
        testId="kpi-members"
        title={t('dashboard.kpi.members')}
        value={(d) => d.members.toLocaleString()}
        note={(d) => t('dashboard.kpi.membersNote', { full: d.full.toLocaleString() })}
        hint={(d) => d.basis[lang]}
      />
      <Kpi
        state={members}
        testId="kpi-orgs"
        title={t('dashboard.kpi.orgs')}
        value={(d) => d.orgs.toLocaleString()}
        note={(d) => t('dashboard.kpi.orgsNote', { basic: d.basicOrgs, branches: d.branches })}
      />
      <Kpi
        state={members}
        testId="kpi-probationary"
        title={t('dashboard.kpi.probationary')}
        value={(d) => d.probationary.toLocaleString()}
        note={() => ''}
        hint={(d) => d.basis[lang]}
      />
      <Kpi
        state={development}
        testId="kpi-admitted"
        title={t('dashboard.kpi.admitted')}
        value={(d) => d.admittedThisYear}
        note={(d) => t('dashboard.kpi.admittedNote', { pipeline: d.inPipeline, overdue: d.overdue })}
      />
      <Kpi
        state={dues}
        testId="kpi-dues"
        title={t('dashboard.kpi.duesRate')}
        value={(d) => pct(d.rate.paidFen, d.rate.dueFen)}
        note={(d) => t('dashboard.kpi.duesNote', { from: d.rate.from, to: d.rate.to })}
      />
      <Kpi
        state={compliance}
        testId="kpi-compliance"
        title={t('dashboard.kpi.compliance')}
        value={(d) => pct(d.held, d.held + d.missing)}
        note={(d) => t('dashboard.kpi.complianceNote', { compliant: d.compliantUnits, units: d.units })}
      />
      <Kpi
        state={terms}
        testId="kpi-terms"
        title={t('dashboard.kpi.terms')}
        value={(d) => t('dashboard.kpi.termsValue', { soon: d.endingSoon, overdue: d.overdue })}
        note={() => t('dashboard.kpi.termsNote')}
        danger={(d) => d.overdue > 0}
        hint={(d) => d.endingSoonBasis[lang]}
      />
      <Kpi
        state={standards}
        testId="kpi-weak"
        title={t('dashboard.kpi.weak')}
        value={(d) => d.weak}
        note={(d) => t('dashboard.kpi.weakNote', { tasks: d.weakOverdueTasks })}
        danger={(d) => d.weak > 0}
      />
    </div>
  );
}
