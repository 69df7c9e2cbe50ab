// 结构统计 (statistics style): rows are the values of one dimension, columns the total and each post
// level; every count opens the list of cadres behind it. The whole set exports to Excel.
import { useState } from 'react';
import { Button, DatePicker, Modal, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STRUCTURE_DIMS, type StructureDim } from '../../../../domain/rules/team-structure';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import {
  exportStructure,
  getStructurePeople,
  getStructureTable,
  type TStructurePeopleQuery,
  type TStructurePerson,
  type TStructureTable,
} from '../../api/cadre-units';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { useRequest } from '../../lib/use-request';
import type { TUnitFilter } from '../../api/cadre-units';

type Row = TStructureTable['rows'][number];
type Drill = Pick<TStructurePeopleQuery, 'value' | 'level'>;
type Level = TStructurePeopleQuery['level'];

export function StructureTab({ filter }: { filter: TUnitFilter }) {
  const { t } = useTranslation();
  const me = useMe();
  const [dim, setDim] = useState<StructureDim>('age');
  const [onDate, setOnDate] = useState<string>();
  const [drill, setDrill] = useState<Drill>();
  const [exporting, setExporting] = useState(false);
  const table = useRequest((signal) => getStructureTable({ ...filter, dim, onDate }, signal), [filter, dim, onDate]);
  const label = (v: string) => v || t('cadreUnits.structure.notRecorded');
  const cell = (n: number, d: Drill) =>
    n === 0 ? (
      0
    ) : (
      <a onClick={() => setDrill(d)} data-testid="structure-count">
        {n}
      </a>
    );
  const levels = table.data?.levels ?? [];
  const rows: Row[] = table.data ? [...table.data.rows, { value: '__total', ...table.data.total }] : [];

  return (
    <>
      <div className="filter-bar">
        <Space>
          <span>{t('cadreUnits.structure.dim')}</span>
          <Select
            style={{ width: 140 }}
            value={dim}
            onChange={setDim}
            options={STRUCTURE_DIMS.map((d) => ({ value: d, label: t(`cadreUnits.dims.${d}`) }))}
            data-testid="structure-dim"
          />
          <DatePicker value={onDate ? dayjs(onDate) : undefined} onChange={(d) => setOnDate(d ? d.format('YYYY-MM-DD') : undefined)} />
          <span className="muted">{t('cadreUnits.structure.drillHint')}</span>
        </Space>
        <span style={{ flex: 1 }} />
        {can(me.roles, 'cadre.export') && (
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('cadreUnits.export.structure')}
          </Button>
        )}
      </div>
      <Table<Row>
        size="small"
        bordered
        rowKey="value"
        loading={table.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t(`cadreUnits.dims.${dim}`),
            render: (_, r) => (r.value === '__total' ? <b>{t('cadreUnits.col.total')}</b> : label(r.value)),
          },
          {
            title: t('cadreUnits.col.total'),
            align: 'right',
            render: (_, r) => (r.value === '__total' ? r.total : cell(r.total, { value: r.value })),
          },
          ...levels.map((level, i) => ({
            title: level,
            align: 'right' as const,
            render: (_: unknown, r: Row) =>
              r.value === '__total' ? r.byLevel[i] : cell(r.byLevel[i], { value: r.value, level: level as Level }),
          })),
        ]}
      />
      {drill && (
        <PeopleModal
          filter={filter}
          dim={dim}
          onDate={onDate}
          drill={drill}
          label={label(drill.value)}
          onClose={() => setDrill(undefined)}
        />
      )}
      {exporting && (
        <ExportPurposeModal
          title={t('cadreUnits.export.structureTitle')}
          notice={t('cadreUnits.export.structureNotice')}
          onExport={(purpose) => exportStructure({ ...filter, onDate }, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}

function PeopleModal(props: { filter: TUnitFilter; dim: StructureDim; onDate?: string; drill: Drill; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { filter, dim, onDate, drill } = props;
  const people = useRequest(
    (signal) => getStructurePeople({ ...filter, dim, onDate, value: drill.value, level: drill.level }, signal),
    [filter, dim, onDate, drill],
  );
  return (
    <Modal
      open
      width={820}
      footer={null}
      onCancel={props.onClose}
      title={t('cadreUnits.structure.people', {
        value: [props.label, drill.level].filter(Boolean).join(' · '),
        n: people.data?.total ?? '',
      })}
    >
      <Table<TStructurePerson>
        size="small"
        rowKey="cadreId"
        loading={people.loading}
        dataSource={people.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('cadreUnits.col.name'), dataIndex: 'name', width: 90 },
          { title: t('cadreUnits.col.sex'), dataIndex: 'sex', width: 50 },
          { title: t('cadreUnits.col.birth'), dataIndex: 'birth', width: 90 },
          { title: t('cadreUnits.col.age'), dataIndex: 'age', width: 50 },
          { title: t('cadreUnits.col.unit'), dataIndex: 'unitName' },
          { title: t('cadreUnits.col.post'), dataIndex: 'postTitle', width: 110 },
          { title: t('cadreUnits.col.level'), dataIndex: 'level', width: 70 },
          { title: t('cadreUnits.col.education'), dataIndex: 'education', width: 90 },
        ]}
      />
    </Modal>
  );
}
