// Saved queries of the signed-in account: load one into the form, save the current query under a
// name, rename and delete them. They belong to the account alone (the server answers 404 to others).
import { useState } from 'react';
import { App, Button, Form, Input, List, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import {
  deleteSavedQuery,
  listSavedQueries,
  renameSavedQuery,
  saveQuery,
  type TCadreQueryInput,
  type TSavedQuery,
} from '../../api/cadre-search';
import { useRequest } from '../../lib/use-request';

export function SavedQueries({ current, onLoad }: { current: TCadreQueryInput; onLoad: (q: TSavedQuery) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useRequest(() => listSavedQueries(), []);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const [renaming, setRenaming] = useState<TSavedQuery | null>(null);
  const items = saved.data?.items ?? [];

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) void message.success(done);
      saved.reload();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };

  return (
    <Space wrap>
      <Select
        style={{ width: 220 }}
        placeholder={t('cadreSearch.saved.placeholder')}
        value={null}
        options={items.map((s) => ({ value: s.id, label: s.name }))}
        notFoundContent={t('cadreSearch.saved.empty')}
        onChange={(id: number) => {
          const s = items.find((x) => x.id === id);
          if (s) {
            onLoad(s);
            void message.info(t('cadreSearch.saved.loaded', { name: s.name }));
          }
        }}
        data-testid="cadre-saved-select"
      />
      <Button icon={<SaveOutlined />} onClick={() => setDialog('save')} data-testid="cadre-save-query">
        {t('cadreSearch.saved.save')}
      </Button>
      <Button icon={<SettingOutlined />} onClick={() => setDialog('manage')}>
        {t('cadreSearch.saved.manage')}
      </Button>

      {(dialog === 'save' || renaming) && (
        <NameModal
          title={renaming ? t('cadreSearch.saved.rename') : t('cadreSearch.saved.saveTitle')}
          initial={renaming?.name ?? ''}
          onCancel={() => (renaming ? setRenaming(null) : setDialog(null))}
          onSubmit={async (name) => {
            const ok = renaming
              ? await run(() => renameSavedQuery(renaming.id, name), t('common.saved'))
              : await run(() => saveQuery(name, current), t('common.saved'));
            if (ok) {
              if (renaming) setRenaming(null);
              else setDialog(null);
            }
          }}
        />
      )}

      {dialog === 'manage' && (
        <Modal open title={t('cadreSearch.saved.manageTitle')} footer={null} onCancel={() => setDialog(null)}>
          <List
            size="small"
            dataSource={items}
            locale={{ emptyText: t('cadreSearch.saved.empty') }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Button key="rename" size="small" type="link" icon={<EditOutlined />} onClick={() => setRenaming(s)}>
                    {t('cadreSearch.saved.rename')}
                  </Button>,
                  <Popconfirm
                    key="remove"
                    title={t('cadreSearch.saved.removeConfirm', { name: s.name })}
                    onConfirm={() => run(() => deleteSavedQuery(s.id))}
                  >
                    <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Typography.Link
                  onClick={() => {
                    onLoad(s);
                    setDialog(null);
                  }}
                >
                  {s.name}
                </Typography.Link>
              </List.Item>
            )}
          />
        </Modal>
      )}
    </Space>
  );
}

function NameModal(props: { title: string; initial: string; onCancel: () => void; onSubmit: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={props.title} onCancel={props.onCancel} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: props.initial }}
        onFinish={async ({ name }) => {
          setBusy(true);
          await props.onSubmit(name.trim());
          setBusy(false);
        }}
      >
        <Form.Item
          name="name"
          label={t('cadreSearch.saved.name')}
          rules={[{ required: true, whitespace: true, message: t('cadreSearch.saved.nameRequired') }, { max: 60 }]}
        >
          <Input placeholder={t('cadreSearch.saved.namePlaceholder')} data-testid="cadre-query-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
