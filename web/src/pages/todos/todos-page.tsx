// 待办事项: the caller's own list, and for those who oversee organizations the digest of their subtree.
// The tab and the digest's organization live in the address, so drilling down works with Back.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { DigestTab } from './digest-tab';
import { TodoList } from './todo-list';

export default function TodosPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // A Party member's list is their own; the digest is for those who oversee organizations.
  const oversees = can(me.roles, 'todo.digest');
  const tab = oversees && params.get('tab') === 'digest' ? 'digest' : 'mine';
  const orgId = Number(params.get('orgId')) || me.orgId;

  return (
    <div className="page-card">
      <Typography.Title level={4}>{t('todos.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'digest' ? { tab: k } : {})}
        destroyOnHidden
        items={[
          { key: 'mine', label: <span data-testid="todo-tab-mine">{t('todos.tabs.mine')}</span>, children: <TodoList /> },
          ...(oversees
            ? [
                {
                  key: 'digest',
                  label: <span data-testid="todo-tab-digest">{t('todos.tabs.digest')}</span>,
                  children: <DigestTab orgId={orgId} onOrg={(id) => setParams({ tab: 'digest', orgId: String(id) })} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
