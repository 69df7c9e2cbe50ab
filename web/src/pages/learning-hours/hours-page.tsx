// The organization's 学时 archive (issue 14 point 6, learning.read): completion shares per organization with
// their definition (never a ranking of people, RULES.md §9), who is behind with the shortfall, self-reports
// to approve, imports of 上级调训 and 党校 records, the export with its purpose, and closing a year.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Modal, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import {
  closeYear,
  decideSelfReport,
  downloadTemplate,
  exportHours,
  getBehind,
  getShares,
  listSelfReports,
  uploadTraining,
  type TImportResult,
  type TSelfReport,
} from '../../api/learning-hours';
import type { Id } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useRequest } from '../../lib/use-request';
import { DuplicatesDrawer, RequirementsDrawer } from './hours-admin';

export default function HoursPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const orgId: Id = Number(params.get('orgId')) || me.orgId;
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const set = (o: Id, y: number) => setParams({ orgId: String(o), year: String(y) });
  const [offset, setOffset] = useState(0);
  const shares = useRequest((signal) => getShares(orgId, year, signal), [orgId, year]);
  const behind = useRequest((signal) => getBehind(orgId, year, offset, signal), [orgId, year, offset]);
  const reports = useRequest((signal) => listSelfReports(orgId, 'pending', signal), [orgId]);
  const [exporting, setExporting] = useState(false);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [refusing, setRefusing] = useState<TSelfReport | null>(null);
  const [reason, setReason] = useState('');
  const [drawer, setDrawer] = useState<'requirements' | 'duplicates' | null>(null);

  const decide = async (r: TSelfReport, approve: boolean, why = '') => {
    try {
      await decideSelfReport(r.id, approve, why);
      reports.reload();
      shares.reload();
      behind.reload();
      setRefusing(null);
      setReason('');
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const upload = async (kind: 'assigned' | 'party_school', file: File) => {
    try {
      const r = await uploadTraining(kind, file);
      setResult(r);
      if (r.written) {
        shares.reload();
        behind.reload();
      }
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const close = () =>
    modal.confirm({
      title: t('learningHours.staff.closeYear', { year: year }),
      content: t('learningHours.staff.closeConfirm'),
      onOk: async () => {
        try {
          await closeYear(year, orgId);
          void message.success(t('learningHours.staff.closed'));
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  const s = shares.data;
  return (
    <div className="page-card" data-testid="learning-hours-page">
      <Typography.Title level={4}>{t('learningHours.staff.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect style={{ width: 320 }} value={orgId} valueLabel={s?.all.name ?? me.orgName} onChange={(id) => id && set(id, year)} />
        <Select
          aria-label={t('learningHours.staff.year')}
          value={year}
          onChange={(y) => set(orgId, y)}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          style={{ width: 96 }}
        />
        {can(me.roles, 'learning.export') && (
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('learningHours.staff.export')}
          </Button>
        )}
        {can(me.roles, 'learning.import') && (
          <>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload('assigned', f), false)}>
              <Button icon={<UploadOutlined />}>{t('learningHours.staff.importAssigned')}</Button>
            </Upload>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload('party_school', f), false)}>
              <Button icon={<UploadOutlined />}>{t('learningHours.staff.importPartySchool')}</Button>
            </Upload>
            <Button type="link" onClick={() => void downloadTemplate()}>
              {t('learningHours.staff.template')}
            </Button>
          </>
        )}
        <Button onClick={() => setDrawer('requirements')}>{t('learningHours.admin.requirementsButton')}</Button>
        <Button onClick={() => setDrawer('duplicates')}>{t('learningHours.admin.duplicatesButton')}</Button>
        {can(me.roles, 'learning.config') && year < thisYear && (
          <Button onClick={close}>{t('learningHours.staff.closeYear', { year })}</Button>
        )}
      </Space>
      {result && (
        <Alert
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setResult(null)}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok
              ? t('learningHours.staff.importOk', { rows: result.rows })
              : t('learningHours.staff.importFailed', { n: result.errors.length })
          }
          description={
            result.errors.length > 0 && (
              <ul data-testid="import-errors">
                {result.errors.map((e, i) => (
                  <li key={i}>
                    {t('learningHours.staff.row', { row: e.row })} {e.column}：{e.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('learningHours.staff.shares')}>
            {shares.error !== undefined && <Alert type="error" showIcon title={errorText(shares.error)} />}
            {s && (
              <>
                <Table
                  size="small"
                  rowKey="orgId"
                  pagination={false}
                  dataSource={[...s.items, { ...s.all, name: `${t('learningHours.staff.all')}（${s.all.name}）` }]}
                  columns={[
                    { title: t('learningHours.staff.org'), dataIndex: 'name' },
                    { title: t('learningHours.staff.people'), dataIndex: 'people', width: 70 },
                    { title: t('learningHours.staff.done'), dataIndex: 'done', width: 70 },
                    {
                      title: t('learningHours.staff.share'),
                      dataIndex: 'share',
                      width: 80,
                      render: (v: number | null) => (v == null ? '—' : `${v}%`),
                    },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} data-testid="share-definition">
                  {t('learningHours.staff.definition')}：{s.definition}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={`${t('learningHours.staff.behind')}${behind.data ? `（${behind.data.total}）` : ''}`}>
            <Table
              size="small"
              rowKey="memberId"
              loading={!behind.data && behind.error === undefined}
              locale={{ emptyText: t('learningHours.staff.noneBehind') }}
              dataSource={behind.data?.items}
              pagination={{
                pageSize: 50,
                total: behind.data?.total,
                current: offset / 50 + 1,
                onChange: (p) => setOffset((p - 1) * 50),
                showSizeChanger: false,
              }}
              columns={[
                { title: t('learningHours.staff.name'), dataIndex: 'name' },
                { title: t('learningHours.staff.orgName'), dataIndex: 'orgName' },
                { title: t('learningHours.staff.total'), dataIndex: 'total', width: 90 },
                { title: t('learningHours.staff.required'), dataIndex: 'required', width: 70 },
                { title: t('learningHours.staff.shortfall'), dataIndex: 'shortfall', width: 70 },
              ]}
            />
          </Card>
          <Card size="small" style={{ marginTop: 12 }} title={t('learningHours.staff.reports')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              locale={{ emptyText: t('learningHours.staff.noReports') }}
              dataSource={reports.data?.items}
              columns={[
                { title: t('learningHours.staff.name'), dataIndex: 'name', width: 80 },
                {
                  title: t('learningHours.report.name'),
                  render: (_: unknown, r: TSelfReport) => (
                    <span>
                      {r.title} {r.late && <Tag color="orange">{t('learningHours.staff.late')}</Tag>}
                      <div>
                        <Typography.Text type="secondary">
                          {r.startedOn} ~ {r.endedOn}
                        </Typography.Text>
                      </div>
                    </span>
                  ),
                },
                { title: t('learningHours.report.hours'), dataIndex: 'hours', width: 60 },
                {
                  title: t('learningHours.staff.evidence'),
                  width: 90,
                  render: (_: unknown, r: TSelfReport) => (
                    <a href={`/api/learning/self-reports/${r.id}/evidence`} target="_blank" rel="noreferrer">
                      {t('learningHours.staff.evidence')}
                    </a>
                  ),
                },
                can(me.roles, 'learning.approve')
                  ? {
                      title: '',
                      width: 170,
                      render: (_: unknown, r: TSelfReport) => (
                        <Space>
                          <Button size="small" type="primary" onClick={() => void decide(r, true)} data-testid={`approve-${r.id}`}>
                            {t('learningHours.staff.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => setRefusing(r)}>
                            {t('learningHours.staff.reject')}
                          </Button>
                        </Space>
                      ),
                    }
                  : {},
              ]}
            />
          </Card>
        </Col>
      </Row>
      {exporting && (
        <ExportPurposeModal
          title={t('learningHours.staff.export')}
          notice={t('learningHours.staff.exportNotice')}
          onExport={(purpose) => exportHours(orgId, year, purpose)}
          onClose={() => setExporting(false)}
        />
      )}
      {drawer === 'requirements' && <RequirementsDrawer onClose={() => setDrawer(null)} />}
      {drawer === 'duplicates' && (
        <DuplicatesDrawer
          orgId={orgId}
          year={year}
          onClose={() => setDrawer(null)}
          onChanged={() => {
            shares.reload();
            behind.reload();
          }}
        />
      )}
      <Modal
        open={refusing != null}
        title={t('learningHours.staff.rejectReason')}
        onCancel={() => setRefusing(null)}
        onOk={() => refusing && void decide(refusing, false, reason)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Modal>
    </div>
  );
}
