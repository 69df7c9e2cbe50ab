// Importing a sheet of grades (姓名, 等次, 评语): all or nothing; every bad row is listed.
import { Alert, Button, Modal, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { importGrades, type TGradeImportResult } from '../../api/cadre-assessments';

export function ImportGradesModal({ unitId, onClose }: { unitId: number; onClose: (applied: boolean) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<TGradeImportResult>();
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await importGrades(unitId, file));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('cadreAssessments.unit.import')}
      onCancel={() => onClose(!!result?.applied)}
      footer={<Button onClick={() => onClose(!!result?.applied)}>{t('common.cancel')}</Button>}
    >
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('cadreAssessments.unit.importHint')}</p>
      </Upload.Dragger>
      {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
      {result?.applied && (
        <Alert type="success" message={t('cadreAssessments.unit.importDone', { n: result.rows })} style={{ marginTop: 12 }} />
      )}
      {result && !result.applied && (
        <Alert
          type="error"
          style={{ marginTop: 12 }}
          message={t('cadreAssessments.unit.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.errors.map((e) => (
                <li key={e.row}>{t('cadreAssessments.unit.importRow', e)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
