// Checks the hash chain of the whole audit log and shows what, if anything, was edited or is missing.
import { Alert, Modal, Result, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyAudit, type TChainReport } from '../../api/audit';
import { errorText } from '../../api/client';
import { useRequest } from '../../lib/use-request';

type Problem = TChainReport['problems'][number];

export function AuditVerifyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const check = useRequest(() => verifyAudit(), []);
  const r = check.data;

  return (
    <Modal open title={t('audit.verify.title')} footer={null} onCancel={onClose} width={720}>
      {check.loading && (
        <div className="page-spin">
          <Spin description={t('audit.verify.running')} />
        </div>
      )}
      {check.error !== undefined && <Alert type="error" showIcon title={errorText(check.error)} />}
      {r?.ok && (
        <Result
          status="success"
          title={t('audit.verify.ok')}
          subTitle={t('audit.verify.checked', { count: r.checked })}
          data-testid="audit-verify-ok"
        />
      )}
      {r && !r.ok && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('audit.verify.failed', { count: r.problems.length, checked: r.checked })}
          />
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.seq}-${p.kind}`}
            dataSource={r.problems}
            pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
            columns={[
              { title: t('audit.fields.seq'), dataIndex: 'seq', width: 90 },
              {
                title: t('audit.verify.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: Problem['kind']) => <Tag color="red">{t(`audit.verify.kinds.${k}`)}</Tag>,
              },
              { title: t('audit.verify.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
