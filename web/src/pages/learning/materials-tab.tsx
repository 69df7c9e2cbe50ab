// Staff: the learning materials of the subtree (and those published above it), searched in Chinese,
// filtered by kind; publish an article, document, audio, video or link; upload the file; withdraw.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MATERIAL_KINDS, type TMaterialKind } from '../../../../domain/schemas/learning';
import { errorText } from '../../api/client';
import { createMaterial, listMaterials, updateMaterial, uploadMaterialFile, type TMaterialPage } from '../../api/learning';
import { useMe } from '../../auth/auth-context';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { clock } from './learning-format';

type Row = TMaterialPage['items'][number];
const ACCEPT: Partial<Record<TMaterialKind, string>> = { document: '.pdf', audio: '.mp3,.m4a,.ogg,.wav,.aac', video: '.mp4,.m4v,.webm' };

interface FormValues {
  orgId: number;
  kind: TMaterialKind;
  title: string;
  summary?: string;
  bodyHtml?: string;
  url?: string;
  category?: string;
  tags?: string[];
  minutes: number;
}

export function MaterialsTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<TMaterialKind>();
  const [page, setPage] = useState(1);
  const req = useRequest(
    (signal) => listMaterials({ q: q || undefined, kind, limit: 20, offset: (page - 1) * 20 }, signal),
    [q, kind, page],
  );
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<FormValues>();
  const formKind = Form.useWatch('kind', form);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await fn();
      void message.success(done);
      req.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await createMaterial({
        orgId: v.orgId,
        kind: v.kind,
        title: v.title,
        summary: v.summary ?? '',
        bodyHtml: v.bodyHtml ?? '',
        url: v.url ?? '',
        category: v.category ?? '',
        tags: v.tags ?? [],
        lengthSeconds: Math.round(v.minutes * 60),
      });
      setOpen(false);
      form.resetFields();
      req.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div data-testid="learning-materials">
      <div className="filter-bar">
        <Input.Search
          allowClear
          placeholder={t('learning.materials.search')}
          onSearch={(v) => (setPage(1), setQ(v.trim()))}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          value={kind}
          onChange={(v) => (setPage(1), setKind(v))}
          options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`learning.kinds.${k}`) }))}
          placeholder={t('learning.materials.col.kind')}
        />
        <span style={{ flex: 1 }} />
        {manage && (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="material-create">
            {t('learning.materials.create')}
          </Button>
        )}
      </div>
      {(error || req.error !== undefined) && (
        <Alert type="error" showIcon title={error ?? errorText(req.error)} style={{ marginBottom: 8 }} />
      )}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items}
        pagination={{ current: page, pageSize: 20, total: req.data?.total, onChange: setPage, size: 'small' }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('learning.materials.col.title'), dataIndex: 'title' },
          { title: t('learning.materials.col.kind'), dataIndex: 'kind', width: 70, render: (k: TMaterialKind) => t(`learning.kinds.${k}`) },
          { title: t('learning.materials.col.org'), dataIndex: 'orgName', width: 160 },
          { title: t('learning.materials.col.category'), dataIndex: 'category', width: 100 },
          {
            title: t('learning.materials.col.tags'),
            dataIndex: 'tags',
            render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: t('learning.materials.col.length'), dataIndex: 'lengthSeconds', width: 80, render: (s: number) => clock(s) },
          {
            title: t('learning.materials.col.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: Row['status']) => t(`learning.status.${s}`),
          },
          {
            title: t('learning.materials.col.file'),
            width: 220,
            render: (_: unknown, r) => (
              <Space wrap>
                {r.file && <span className="muted">{r.file.fileName}</span>}
                {manage && ACCEPT[r.kind] && (
                  <Upload
                    accept={ACCEPT[r.kind]}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void act(() => uploadMaterialFile(r.id, file), t('learning.materials.uploaded', { name: file.name }));
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      {t('learning.materials.upload')}
                    </Button>
                  </Upload>
                )}
                {manage && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      void act(
                        () => updateMaterial(r.id, { status: r.status === 'published' ? 'withdrawn' : 'published' }),
                        t('learning.materials.saved'),
                      )
                    }
                  >
                    {r.status === 'published' ? t('learning.materials.withdraw') : t('learning.materials.publish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('learning.materials.create')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ orgId: me.orgId, kind: 'article', minutes: 10 }}>
          <Form.Item name="orgId" label={t('learning.materials.form.org')} rules={[{ required: true }]}>
            <OrgTreeSelect valueLabel={me.orgName} />
          </Form.Item>
          <Form.Item name="kind" label={t('learning.materials.form.kind')} rules={[{ required: true }]}>
            <Select options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`learning.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('learning.materials.form.title')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="material-title" />
          </Form.Item>
          <Form.Item name="summary" label={t('learning.materials.form.summary')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {formKind === 'article' && (
            <Form.Item name="bodyHtml" label={t('learning.materials.form.body')} rules={[{ required: true }]}>
              <Input.TextArea rows={8} data-testid="material-body" />
            </Form.Item>
          )}
          {formKind === 'link' && (
            <Form.Item name="url" label={t('learning.materials.form.url')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          {formKind && ACCEPT[formKind] && <p className="muted">{t('learning.materials.form.fileHint')}</p>}
          <Space wrap>
            <Form.Item name="category" label={t('learning.materials.form.category')}>
              <Input />
            </Form.Item>
            <Form.Item name="minutes" label={t('learning.materials.form.minutes')} rules={[{ required: true }]}>
              <InputNumber min={1} max={600} />
            </Form.Item>
          </Space>
          <Form.Item name="tags" label={t('learning.materials.form.tags')}>
            <Select mode="tags" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
