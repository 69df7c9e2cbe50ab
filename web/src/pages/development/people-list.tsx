// The list of people in the pipeline with filters (stage, step, name, overdue) and an audited Excel export.
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Select } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import { exportPeople, listPeople, type TPeopleFilter } from '../../api/development';
import { LoadMore } from '../../components/load-more';
import { useKeyset } from '../../lib/use-keyset';
import { DEV_STEPS, PERSON_STATUSES } from '../../../../domain/rules/development-steps';
import { useDevLabels } from './dev-labels';
import { PersonTable } from './person-table';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function PeopleList({ orgId, filter, onFilter }: { orgId?: Id; filter: TPeopleFilter; onFilter: (f: TPeopleFilter) => void }) {
  const { t } = useTranslation();
  const l = useDevLabels();
  const [exporting, setExporting] = useState(false);
  const full = { ...filter, orgId };
  const list = useKeyset((f: TPeopleFilter, cursor) => listPeople(f, cursor), full);
  const set = (patch: TPeopleFilter) => onFilter({ ...filter, ...patch });
  return (
    <div>
      <div className="filter-bar">
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('development.allStages')}
          value={filter.status}
          onChange={(status) => set({ status })}
          options={PERSON_STATUSES.map((s) => ({ value: s, label: l.status(s) }))}
          data-testid="filter-status"
        />
        <Select
          allowClear
          style={{ width: 230 }}
          placeholder={t('development.step')}
          value={filter.step}
          onChange={(step) => set({ step })}
          options={DEV_STEPS.map((s) => ({ value: s.no, label: l.step(s.no) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('development.searchPlaceholder')}
          defaultValue={filter.q}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Checkbox checked={!!filter.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          {t('development.onlyOverdue')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
          {t('development.export')}
        </Button>
      </div>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      <PersonTable rows={list.items} loading={list.loading && list.items.length === 0} testId="dev-people" />
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loading} onLoad={list.loadMore} />
      {exporting && (
        <ExportPurposeModal
          title={t('development.exportTitle')}
          notice={t('development.exportTitle')}
          testId="dev-export-purpose"
          onExport={(purpose) => exportPeople(full, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
