// 审核: the subtree's assessments of a year (submitted ones first by default); the higher organization
// opens one, scores it item by item next to the self scores, and rates it or returns it.
import { useState } from 'react';
import { Alert, Button, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { listAssessments, type TAssessmentRow, type TAssessmentStatus } from '../../api/standards';
import type { Id } from '../../api/types';
import { useRequest } from '../../lib/use-request';
import { formatMinute } from '../../lib/dates';
import { ReviewDrawer } from './review-drawer';
import { StarTag } from './star-tag';
import { STATUS_COLOR } from './status';
import { thisYear, YearSelect } from './year-select';

export function ReviewTab({ orgId }: { orgId: Id }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const [status, setStatus] = useState<TAssessmentStatus | undefined>('submitted');
  const [open, setOpen] = useState<TAssessmentRow>();
  const list = useRequest((signal) => listAssessments({ orgId, year, status }, signal), [orgId, year, status]);

  return (
    <>
      <div className="filter-bar">
        <YearSelect value={year} onChange={(y) => y && setYear(y)} />
        <span>{t('standards.review.onlyStatus')}</span>
        <Select<TAssessmentStatus>
          allowClear
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={(['submitted', 'reviewed', 'returned', 'draft'] as const).map((s) => ({ value: s, label: t(`standards.status.${s}`) }))}
        />
      </div>
      <Alert type="info" showIcon title={t('standards.review.hint')} style={{ marginBottom: 8 }} />
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 8 }} />}
      {list.data?.truncated && <Alert type="warning" showIcon title={t('standards.review.truncated')} style={{ marginBottom: 8 }} />}
      <Table<TAssessmentRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
        data-testid="review-table"
        columns={[
          { title: t('standards.review.parent'), dataIndex: 'parentName', ellipsis: true },
          { title: t('standards.review.branch'), dataIndex: 'orgName', ellipsis: true },
          {
            title: t('standards.review.onlyStatus'),
            dataIndex: 'status',
            width: 90,
            render: (s: TAssessmentStatus) => <Tag color={STATUS_COLOR[s]}>{t(`standards.status.${s}`)}</Tag>,
          },
          { title: t('standards.review.submittedAt'), dataIndex: 'submittedAt', width: 140, render: formatMinute },
          { title: t('standards.review.selfTotal'), dataIndex: 'selfTotal', width: 80, align: 'right' },
          { title: t('standards.review.reviewTotal'), dataIndex: 'reviewTotal', width: 80, align: 'right' },
          {
            title: t('standards.review.stars'),
            dataIndex: 'stars',
            width: 120,
            render: (s: number | null) => s !== null && <StarTag stars={s} />,
          },
          {
            title: '',
            key: 'act',
            width: 80,
            render: (_v, r) => (
              <Button size="small" type={r.canReview ? 'primary' : 'default'} onClick={() => setOpen(r)} data-testid={`review-${r.orgId}`}>
                {r.canReview ? t('standards.review.open') : t('standards.review.view')}
              </Button>
            ),
          },
        ]}
      />
      {open && (
        <ReviewDrawer
          orgId={open.orgId}
          orgName={open.orgName}
          year={open.year}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}
