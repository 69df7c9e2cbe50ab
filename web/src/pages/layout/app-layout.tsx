// The frame of every logged-in page: header, demo banner, sider (menu, search, tree), content.
import { useState } from 'react';
import { App, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useAuth, useMe } from '../../auth/auth-context';
import { ChangePasswordModal } from '../../components/change-password-modal';
import { DemoBanner } from '../../components/demo-banner';
import { Lazy } from '../../components/route-guards';
import { AppHeader } from './app-header';
import { AppSider } from './app-sider';

export default function AppLayout() {
  return (
    <App>
      <LayoutFrame />
    </App>
  );
}

function LayoutFrame() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { demo, refreshMe } = useAuth();
  const me = useMe();
  const [changingPassword, setChangingPassword] = useState(false);
  // Until a required password change is done, nothing loads behind the dialog (the server refuses it anyway).
  const forced = me.mustChangePassword;

  return (
    <Layout className="app-frame">
      <Layout.Header className="app-header">
        <AppHeader onChangePassword={() => setChangingPassword(true)} />
      </Layout.Header>
      {demo && <DemoBanner />}
      <Layout hasSider className="app-main">
        {/* On a phone (below md) the sider folds away behind a tab, so pages keep the whole width. */}
        <Layout.Sider width={280} theme="light" className="app-sider" breakpoint="md" collapsedWidth={0}>
          {!forced && <AppSider />}
        </Layout.Sider>
        <Layout.Content className="app-content">
          {!forced && (
            <Lazy>
              <Outlet />
            </Lazy>
          )}
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={forced || changingPassword}
        forced={forced}
        username={me.username}
        onCancel={() => setChangingPassword(false)}
        onDone={() => {
          setChangingPassword(false);
          void message.success(t('password.changed'));
          void refreshMe();
        }}
      />
    </Layout>
  );
}
