// The audit rows, dense: who did what to which object, from where, with what result.
import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditObjectLabel } from '../../../../domain/audit-actions';
import type { TAuditResult, TAuditRow } from '../../api/audit';
import { formatTime } from '../../lib/dates';
import { useLabels } from '../../lib/labels';

const RESULT_COLORS: Record<TAuditResult, string> = { success: 'green', failure: 'orange', denied: 'red' };

export function AuditTable({ rows, loading }: { rows: TAuditRow[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const dash = (v: string | null) => v || '—';
  return (
    <div data-testid="audit-table">
      <Table<TAuditRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        expandable={{
          rowExpandable: (r) => r.detail !== null && r.detail !== undefined,
          expandedRowRender: (r) => (
            <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {JSON.stringify(r.detail, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: t('audit.fields.seq'), dataIndex: 'seq', width: 80, align: 'right' },
          { title: t('audit.fields.at'), dataIndex: 'at', width: 160, render: (v: string) => formatTime(v) },
          { title: t('audit.fields.actor'), dataIndex: 'actorName', width: 110, render: dash },
          {
            title: t('audit.fields.role'),
            dataIndex: 'role',
            width: 130,
            // A role code, or several separated by commas.
            render: (v: string | null) =>
              v
                ? v
                    .split(',')
                    .map((r) => labels.role(r.trim()))
                    .join('、')
                : '—',
          },
          {
            title: t('audit.fields.ip'),
            dataIndex: 'ip',
            width: 120,
            render: (v: string | null) => <span className="mono">{dash(v)}</span>,
          },
          // The action in words; the code stays in the tooltip for those who search the export by it.
          {
            title: t('audit.fields.action'),
            dataIndex: 'action',
            width: 180,
            render: (v: string) => <Tooltip title={v}>{auditActionLabel(v, lang)}</Tooltip>,
          },
          {
            title: t('audit.fields.object'),
            key: 'object',
            ellipsis: true,
            // The object by its name (organization, member, applicant, account); an unnamed one by its kind.
            render: (_v, r) => (r.objectType ? [auditObjectLabel(r.objectType, lang), r.objectName].filter(Boolean).join('：') : '—'),
          },
          {
            title: t('audit.fields.result'),
            dataIndex: 'result',
            width: 80,
            render: (v: TAuditResult) => <Tag color={RESULT_COLORS[v]}>{t(`audit.results.${v}`)}</Tag>,
          },
          {
            title: t('audit.fields.requestId'),
            dataIndex: 'requestId',
            width: 130,
            ellipsis: { showTitle: false },
            render: (v: string | null) => (
              <Tooltip title={v}>
                <span className="mono">{dash(v)}</span>
              </Tooltip>
            ),
          },
        ]}
      />
    </div>
  );
}
