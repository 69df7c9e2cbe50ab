import { Button, Dropdown, Space, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../../auth/auth-context';
import { LanguageSwitch } from '../../components/language-switch';
import { useLabels } from '../../lib/labels';
import { TodoBadge } from '../todos/todo-badge';
import { holdsTodoKinds } from '../../../../domain/todo-kinds';

export function AppHeader({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { signOut } = useAuth();
  const me = useMe();

  const logout = async () => {
    await signOut().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <>
      <span className="brand">{t('app.name')}</span>
      <span className="spacer" />
      {!me.mustChangePassword && holdsTodoKinds(me.roles) && <TodoBadge />}
      <LanguageSwitch />
      <Dropdown menu={{ items: [{ key: 'password', icon: <KeyOutlined />, label: t('password.title'), onClick: onChangePassword }] }}>
        <span className="user" data-testid="current-user">
          <UserOutlined />
          <span>{me.displayName}</span>
          <Space size={4}>
            {me.roles.map((r) => (
              <Tag key={r} color="gold" variant="filled">
                {labels.role(r)}
              </Tag>
            ))}
          </Space>
          <span className="org">{me.orgName}</span>
        </span>
      </Dropdown>
      <Button type="text" icon={<LogoutOutlined />} style={{ color: '#fff' }} onClick={() => void logout()} data-testid="logout">
        {t('app.logout')}
      </Button>
    </>
  );
}
