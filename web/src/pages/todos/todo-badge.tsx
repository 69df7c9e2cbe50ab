// The header's to-do count: polled every minute and on every route change (the count is cheap),
// gold when something is overdue; a click opens the list.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { getTodoCount, type TTodoCount } from '../../api/todos';
import { onTodosChanged } from './todo-events';

const POLL_MS = 60_000;

export function TodoBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [count, setCount] = useState<TTodoCount>();

  const load = useCallback((signal?: AbortSignal) => {
    // A failed poll keeps the last figure; the next one tries again.
    getTodoCount(signal).then(setCount, () => undefined);
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    load(ctrl.signal);
    return () => ctrl.abort();
  }, [load, pathname, search]);

  useEffect(() => {
    const timer = window.setInterval(() => load(), POLL_MS);
    const off = onTodosChanged(() => load());
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [load]);

  const total = count?.total ?? 0;
  return (
    <Tooltip title={count ? t('todos.badge', { total, overdue: count.overdue }) : undefined}>
      <Badge
        count={total}
        overflowCount={99}
        size="small"
        offset={[-6, 6]}
        // On the red header: gold when something is overdue, white otherwise.
        styles={{
          indicator: count?.overdue
            ? { background: '#faad14', color: '#000', boxShadow: 'none' }
            : { background: '#fff', color: '#b5121b', boxShadow: 'none' },
        }}
      >
        <Button
          type="text"
          icon={<CheckSquareOutlined />}
          style={{ color: '#fff' }}
          onClick={() => navigate('/todos')}
          data-testid="todo-badge"
          data-count={count ? total : undefined}
        >
          {t('todos.badgeLabel')}
        </Button>
      </Badge>
    </Tooltip>
  );
}
