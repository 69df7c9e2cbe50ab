// The grading table of one assessment unit: a grade select per person (only the grades the rules allow
// them, with the reason when restricted), the live 优秀 counter against the quota, and the submit button,
// disabled with the rule and its article while the unit is over its quota. The managing organization
// confirms (the results go onto the cadre files) or returns it with a reason.
import { Alert, App, Button, DatePicker, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ASSESSMENT_GRADES } from '../../../../domain/cadre-codes';
import { ANNUAL_GRADES, ASSESSMENT_ARTICLES } from '../../../../domain/rules/assessment';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { confirmUnit, exportUnit, getUnit, saveEntries, submitUnit, type TUnitDetail } from '../../api/cadre-assessments';
import { ExportPurposeModal } from '../../components/export-purpose-modal';
import { fromDateString, toDateString } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { QuotaTag, StatusTag } from './assessment-tags';
import { RaiseModal, ReturnModal } from './unit-modals';
import { ImportGradesModal } from './import-grades-modal';

type Entry = TUnitDetail['entries'][number];
type Grade = Entry['grade'];
const EXCELLENT = ANNUAL_GRADES[0];
const COMMENTS_ONLY = ASSESSMENT_GRADES[4];

export function UnitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getUnit(id, signal), [id]);
  const [rows, setRows] = useState<Entry[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [modal, setModal] = useState<'raise' | 'return' | 'export' | 'import'>();
  const version = useRef(0);
  const d = req.data;
  useEffect(() => {
    if (!d) return;
    setRows(d.entries);
    setDirty(false);
    version.current = d.version;
  }, [d]);

  const editable = !!d && (d.status === 'draft' || d.status === 'returned') && can(me.roles, 'cadre.assess');
  const excellent = useMemo(() => rows.filter((r) => r.grade === EXCELLENT).length, [rows]);
  const over = !!d && excellent > d.quota.max;
  const change = (cadreId: number, patch: Partial<Entry>) => {
    setRows((rs) => rs.map((r) => (r.cadreId === cadreId ? { ...r, ...patch } : r)));
    setDirty(true);
  };

  const run = async (work: () => Promise<TUnitDetail>, done?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      req.setData(await work());
      if (done) void message.success(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    saveEntries(id, {
      version: version.current,
      entries: rows.map((r) => ({ cadreId: r.cadreId, grade: r.grade, comment: r.comment, newHireUntil: r.newHireUntil })),
    });
  const submit = () =>
    run(async () => {
      if (dirty) version.current = (await save()).version;
      return submitUnit(id);
    }, t('cadreAssessments.unit.submitted'));

  if (req.error) return <Alert type="error" message={errorText(req.error)} />;
  if (!d) return <div className="page-card" />;
  // The server's reason for the saved state; while editing, the live counter decides.
  let blocked: string | null = null;
  if (over)
    blocked =
      !dirty && d.submit.reason
        ? d.submit.reason
        : t('cadreAssessments.unit.overQuota', { used: excellent, max: d.quota.max, article: ASSESSMENT_ARTICLES.quota });
  else if (!dirty) blocked = d.submit.reason;

  return (
    <div className="page-card">
      <Link to={`/cadre-assessments/units?year=${d.year}`}>
        <ArrowLeftOutlined /> {t('cadreAssessments.unit.back')}
      </Link>
      <Typography.Title level={4} style={{ marginTop: 8 }}>
        {d.year} {d.name} <StatusTag status={d.status} />
      </Typography.Title>
      <div className="filter-bar">
        <Space wrap>
          <span>{t('cadreAssessments.unit.peopleCount', { n: rows.length })}</span>
          <QuotaTag used={excellent} max={d.quota.max} testId="assess-quota" />
          <Typography.Text type="secondary">
            {t('cadreAssessments.unit.quotaLine', {
              used: excellent,
              max: d.quota.max,
              normal: d.quota.normalMax,
              raised: d.quota.raisedMax,
            })}
          </Typography.Text>
        </Space>
        <span style={{ flex: 1 }} />
        <Space wrap>
          {editable && <Button onClick={() => setModal('raise')}>{t('cadreAssessments.unit.raise')}</Button>}
          {editable && (
            <Button icon={<UploadOutlined />} onClick={() => setModal('import')}>
              {t('cadreAssessments.unit.import')}
            </Button>
          )}
          {can(me.roles, 'cadre.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setModal('export')}>
              {t('cadreAssessments.unit.export')}
            </Button>
          )}
        </Space>
      </div>
      {d.quota.raised && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('cadreAssessments.unit.raisedInfo', { by: d.raisedBy, doc: d.raisedDoc, on: d.raisedOn })}
        />
      )}
      {d.status === 'returned' && d.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('cadreAssessments.unit.returned', { reason: d.returnReason })}
        />
      )}
      {d.status === 'confirmed' && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} message={t('cadreAssessments.unit.confirmed')} />
      )}
      {editable && blocked && (
        <Alert
          type={over ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          message={t('cadreAssessments.unit.cannotSubmit')}
          description={blocked}
          data-testid="assess-submit-reason"
        />
      )}
      {error && <Alert type="error" showIcon closable style={{ marginBottom: 8 }} message={error} data-testid="assess-error" />}
      <Table<Entry>
        size="small"
        rowKey="cadreId"
        dataSource={rows}
        pagination={false}
        loading={req.loading}
        data-testid="assess-grades"
        columns={[
          { title: '#', width: 48, render: (_, __, i) => i + 1 },
          {
            title: t('cadreAssessments.col.name'),
            dataIndex: 'name',
            width: 110,
            render: (v: string, r) => <Link to={`/cadre-assessments/cadres/${r.cadreId}`}>{v}</Link>,
          },
          { title: t('cadreAssessments.col.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('cadreAssessments.col.grade'),
            width: 140,
            render: (_, r) => (
              <Select<Grade>
                size="small"
                style={{ width: 120 }}
                value={r.grade}
                disabled={!editable}
                placeholder={t('cadreAssessments.unit.notGraded')}
                status={r.grade === EXCELLENT && over ? 'error' : undefined}
                onChange={(g) => change(r.cadreId, { grade: g })}
                options={[
                  ...(r.commentsOnly ? [] : r.allowedGrades).map((g) => ({ value: g, label: g })),
                  { value: COMMENTS_ONLY, label: r.commentsOnly ? t('cadreAssessments.unit.commentsOnly') : COMMENTS_ONLY },
                ]}
                data-testid={`assess-grade-${r.cadreId}`}
              />
            ),
          },
          {
            title: t('cadreAssessments.col.comment'),
            width: 260,
            render: (_, r) => (
              <Input
                size="small"
                value={r.comment}
                disabled={!editable}

                onChange={(e) => change(r.cadreId, { comment: e.target.value })}
              />
            ),
          },
          {
            title: t('cadreAssessments.col.newHire'),
            width: 150,
            render: (_, r) => (
              <DatePicker
                size="small"
                value={fromDateString(r.newHireUntil)}
                disabled={!editable}
                onChange={(v) => change(r.cadreId, { newHireUntil: toDateString(v) ?? null })}
              />
            ),
          },
          {
            title: t('cadreAssessments.col.note'),
            width: 280,
            render: (_, r) =>
              r.commentsOnly || r.allowedGrades.length < ANNUAL_GRADES.length ? (
                <Typography.Text type="warning">{r.reason}</Typography.Text>
              ) : null,
          },
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
        {editable && (
          <>
            <Button disabled={!dirty} loading={busy} onClick={() => run(save, t('cadreAssessments.unit.saved'))} data-testid="assess-save">
              {t('cadreAssessments.unit.save')}
            </Button>
            <Tooltip title={over ? blocked : undefined}>
              <Button
                type="primary"
                disabled={over || (!dirty && !d.submit.allowed)}
                loading={busy}
                onClick={submit}
                data-testid="assess-submit"
              >
                {t('cadreAssessments.unit.submit')}
              </Button>
            </Tooltip>
          </>
        )}
        {d.status === 'submitted' && can(me.roles, 'cadre.assess') && (
          <>
            <Button danger onClick={() => setModal('return')}>
              {t('cadreAssessments.unit.return')}
            </Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => run(() => confirmUnit(id), t('cadreAssessments.unit.confirmed'))}
              data-testid="assess-confirm"
            >
              {t('cadreAssessments.unit.confirm')}
            </Button>
          </>
        )}
      </div>
      {modal === 'raise' && <RaiseModal unit={d} onClose={(u) => (setModal(undefined), u && req.setData(u))} />}
      {modal === 'return' && <ReturnModal unit={d} onClose={(u) => (setModal(undefined), u && req.setData(u))} />}
      {modal === 'import' && <ImportGradesModal unitId={d.id} onClose={(applied) => (setModal(undefined), applied && req.reload())} />}
      {modal === 'export' && (
        <ExportPurposeModal
          title={t('cadreAssessments.unit.export')}
          notice={`${d.year} ${d.name}`}
          onExport={(purpose) => exportUnit(d.id, purpose)}
          onClose={() => setModal(undefined)}
        />
      )}
    </div>
  );
}
