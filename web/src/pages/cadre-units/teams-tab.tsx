// 领导班子: every team of the filter with its 应换届时间 and renewal state, members, women and average
// age, and the structure requirements it falls short of (with the reason). A row opens the team page.
import { useState } from 'react';
import { Checkbox, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RENEWAL_STATES } from '../../../../domain/schemas/cadre-units';
import { listTeams, type RenewalState, type TTeamRow } from '../../api/cadre-units';
import { useRequest } from '../../lib/use-request';
import type { TUnitFilter } from '../../api/cadre-units';

export const RENEWAL_COLORS: Record<RenewalState, string> = { normal: 'green', due: 'gold', overdue: 'red', unset: 'default' };

export function TeamsTab({ filter }: { filter: TUnitFilter }) {
  const { t } = useTranslation();
  const [renewal, setRenewal] = useState<RenewalState>();
  const [short, setShort] = useState(false);
  const teams = useRequest(
    (signal) => listTeams({ ...filter, renewal, short: short ? 'true' : undefined }, signal),
    [filter, renewal, short],
  );

  return (
    <>
      <div className="filter-bar">
        <Space>
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('cadreUnits.col.renewal')}
            value={renewal}
            onChange={setRenewal}
            options={RENEWAL_STATES.map((s) => ({ value: s, label: t(`cadreUnits.renewal.${s}`) }))}
          />
          <Checkbox checked={short} onChange={(e) => setShort(e.target.checked)}>
            {t('cadreUnits.teams.onlyShort')}
          </Checkbox>
        </Space>
      </div>
      <Table<TTeamRow>
        size="small"
        rowKey="unitId"
        loading={teams.loading}
        dataSource={teams.data?.items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('cadreUnits.col.unit'),
            render: (_, r) => <Link to={`/cadre-units/teams/${r.unitId}`}>{r.term?.name ?? r.unitName}</Link>,
          },
          { title: t('cadreUnits.col.kind'), dataIndex: 'kind', width: 110 },
          { title: t('cadreUnits.col.managerOrg'), dataIndex: 'managerOrgName', width: 160 },
          { title: t('cadreUnits.col.renewDueOn'), width: 110, render: (_, r) => r.term?.renewDueOn },
          {
            title: t('cadreUnits.col.renewal'),
            width: 100,
            render: (_, r) => <Tag color={RENEWAL_COLORS[r.renewal]}>{t(`cadreUnits.renewal.${r.renewal}`)}</Tag>,
          },
          { title: t('cadreUnits.col.members'), dataIndex: 'members', width: 60, align: 'right' },
          { title: t('cadreUnits.col.women'), dataIndex: 'women', width: 60, align: 'right' },
          { title: t('cadreUnits.col.averageAge'), dataIndex: 'averageAge', width: 80, align: 'right' },
          {
            title: t('cadreUnits.col.shortfalls'),
            render: (_, r) => (
              <Space wrap size={4}>
                {r.shortfalls.map((f) => (
                  <Tooltip key={f.requirementId} title={`${f.reason} · ${f.source}`}>
                    <Tag color="red">{f.title}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
