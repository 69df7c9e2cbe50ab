// 我的待办: the caller's items grouped by kind (overdue first within each), each a link to its work.
import { useEffect, useState } from 'react';
import { Alert, Button, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TODO_KIND_ORDER, TODO_KINDS, type TodoKind } from '../../../../domain/todo-kinds';
import { errorText } from '../../api/client';
import { getTodos, type TTodoItem } from '../../api/todos';
import { useRequest } from '../../lib/use-request';
import { useLabels } from '../../lib/labels';
import { todosChanged } from './todo-events';
import { TodoItemRow } from './todo-item';

/** A long group (a city's reminders) shows its first items; the rest on request. */
const GROUP_PAGE = 20;

function GroupItems({ items, today }: { items: TTodoItem[]; today: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, GROUP_PAGE);
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      {shown.map((x) => (
        <TodoItemRow key={x.ref} item={x} today={today} />
      ))}
      {shown.length < items.length && (
        <Button type="link" onClick={() => setAll(true)}>
          {t('todos.showAll', { n: items.length })}
        </Button>
      )}
    </Space>
  );
}

export function TodoList() {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const list = useRequest((signal) => getTodos(signal), []);
  // The badge follows what the page shows.
  useEffect(() => {
    if (list.data) todosChanged();
  }, [list.data]);

  if (list.error !== undefined) return <Alert type="error" showIcon title={errorText(list.error)} />;
  const data = list.data;
  if (!data) return <Typography.Text type="secondary">…</Typography.Text>;
  if (data.items.length === 0) return <Empty description={t('todos.empty')} data-testid="todo-empty" />;

  const byKind = new Map<TodoKind, TTodoItem[]>();
  for (const x of data.items) (byKind.get(x.kind) ?? byKind.set(x.kind, []).get(x.kind)!).push(x);
  const kinds = TODO_KIND_ORDER.filter((k) => byKind.has(k));
  return (
    <>
      <Typography.Paragraph data-testid="todo-summary">
        {t('todos.summary', { total: data.total, overdue: data.overdue })}
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={kinds}
        items={kinds.map((k) => {
          const items = byKind.get(k)!;
          const late = items.filter((x) => x.overdue).length;
          return {
            key: k,
            label: (
              <Space data-testid={`todo-group-${k}`}>
                <span>{TODO_KINDS[k][lang]}</span>
                <Tag>{t('todos.groupCount', { count: items.length })}</Tag>
                {late > 0 && <Tag color="error">{t('todos.groupOverdue', { n: late })}</Tag>}
              </Space>
            ),
            children: <GroupItems items={items} today={data.today} />,
          };
        })}
      />
    </>
  );
}
