// Export of the 干部花名册 (干部一张表): the current query's cadres with the columns the officer
// chooses from the catalogue (domain/schemas/cadre-search.ts); the purpose is asked and audited.
import { Button, Checkbox, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROSTER_COLUMNS, ROSTER_COLUMNS, exportRoster, type RosterColumnKey, type TCadreQueryInput } from '../../api/cadre-search';
import { ExportPurposeModal } from '../../components/export-purpose-modal';

export function RosterExportModal({ query, total, onClose }: { query: TCadreQueryInput; total: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const label = (c: (typeof ROSTER_COLUMNS)[number]) => (i18n.language === 'en' ? c.en : c.zh);
  return (
    <ExportPurposeModal<{ columns: RosterColumnKey[] }>
      title={t('cadreSearch.export.title')}
      notice={t('cadreSearch.export.notice', { count: total })}
      placeholder={t('cadreSearch.export.purposePlaceholder')}
      testId="roster-export-purpose"
      initialValues={{ columns: DEFAULT_ROSTER_COLUMNS }}
      onExport={(purpose, v) => exportRoster(query, v.columns, purpose)}
      onClose={onClose}
    >
      <Form.Item noStyle shouldUpdate>
        {(form) => (
          <Space style={{ marginBottom: 4 }}>
            <Button
              size="small"
              type="link"
              onClick={() =>
                form.setFieldValue(
                  'columns',
                  ROSTER_COLUMNS.map((c) => c.key),
                )
              }
            >
              {t('cadreSearch.export.all')}
            </Button>
            <Button size="small" type="link" onClick={() => form.setFieldValue('columns', DEFAULT_ROSTER_COLUMNS)}>
              {t('cadreSearch.export.defaults')}
            </Button>
          </Space>
        )}
      </Form.Item>
      <Form.Item
        name="columns"
        label={t('cadreSearch.export.columns')}
        rules={[{ required: true, type: 'array', min: 1, message: t('cadreSearch.export.columnsRequired') }]}
      >
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4 }}
          options={ROSTER_COLUMNS.map((c) => ({ value: c.key, label: label(c) }))}
          data-testid="roster-export-columns"
        />
      </Form.Item>
    </ExportPurposeModal>
  );
}
