// One to-do: its title as a link to the page where the work is done, its deadline (red when overdue)
// and the article that sets it.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { TTodoItem } from '../../api/todos';
import './todos.css';

export function DueTag({ item, today }: { item: TTodoItem; today: string }) {
  const { t } = useTranslation();
  if (!item.dueOn) return <Tag>{t('todos.noDue')}</Tag>;
  const days = dayjs(item.dueOn).diff(dayjs(today), 'day');
  // A meeting coming up is a date, not a deadline.
  if (item.kind === 'my_meeting')
    return (
      <Tag color="processing">
        {item.dueOn} · {days === 0 ? t('todos.today') : t('todos.inDays', { n: days })}
      </Tag>
    );
  if (item.overdue) {
    return (
      <Tag color="error">
        {t('todos.overdue')} · {item.dueOn}
        {days < 0 ? ` · ${t('todos.overdueBy', { n: -days })}` : ''}
      </Tag>
    );
  }
  const when = days === 0 ? t('todos.dueToday') : days > 0 ? t('todos.dueIn', { n: days }) : '';
  return (
    <Tag color={item.severity === 'medium' ? 'warning' : 'default'}>
      {t('todos.dueOn', { date: item.dueOn })}
      {when ? ` · ${when}` : ''}
    </Tag>
  );
}

export function TodoItemRow({ item, today }: { item: TTodoItem; today: string }) {
  const { t } = useTranslation();
  return (
    <div className="todo-item" data-testid="todo-item" data-kind={item.kind} data-ref={item.ref}>
      <Space wrap size={8}>
        <Link to={item.link} className={item.overdue ? 'todo-title overdue' : 'todo-title'}>
          {item.title}
        </Link>
        <DueTag item={item} today={today} />
      </Space>
      {item.rule && (
        <Typography.Text type="secondary" className="todo-rule">
          {t('todos.rule', { rule: item.rule })}
        </Typography.Text>
      )}
    </div>
  );
}
