// The items behind a digest figure: one organization's subtree, optionally one kind, limited by the
// server to the kinds the caller may act on.
import { useState } from 'react';
import { Alert, Drawer, Empty, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TODO_KINDS, type TodoKind } from '../../../../domain/todo-kinds';
import { errorText } from '../../api/client';
import { getDigestItems } from '../../api/todos';
import type { Id } from '../../api/types';
import { useLabels } from '../../lib/labels';
import { useRequest } from '../../lib/use-request';
import { TodoItemRow } from './todo-item';

export function DigestItemsDrawer(props: {
  orgId: Id;
  orgName: string;
  kind?: TodoKind;
  kinds: TodoKind[];
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const [kind, setKind] = useState<TodoKind | undefined>(props.kind);
  const list = useRequest((signal) => getDigestItems(props.orgId, kind, signal), [props.orgId, kind]);

  return (
    <Drawer
      open
      width={760}
      title={t('todos.digest.items', { org: props.orgName })}
      onClose={props.onClose}
      destroyOnHidden
      data-testid="digest-items"
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<TodoKind | ''>
          style={{ width: 240 }}
          value={kind ?? ''}
          onChange={(v) => setKind(v || undefined)}
          options={[
            { value: '', label: t('todos.digest.allKinds') },
            ...props.kinds.map((k) => ({ value: k, label: TODO_KINDS[k][lang] })),
          ]}
        />
        <Typography.Text type="secondary">{t('todos.digest.itemsHint')}</Typography.Text>
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error)} />}
      {list.loading && <Spin />}
      {list.data?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('todos.digest.truncated', { total: list.data.total, n: list.data.items.length })}
        />
      )}
      {list.data &&
        !list.loading &&
        (list.data.items.length === 0 ? (
          <Empty />
        ) : (
          <Space orientation="vertical" size={10} style={{ width: '100%' }}>
            {list.data.items.map((x) => (
              <TodoItemRow key={`${x.kind}-${x.ref}`} item={x} today={props.today} />
            ))}
          </Space>
        ))}
    </Drawer>
  );
}
