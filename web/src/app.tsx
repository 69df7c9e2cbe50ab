// Providers around the router: antd (locale follows the language), the auth state.
// antd's <App> (message, modal hooks) wraps the logged-in layout instead, keeping it out of the first chunk.
import { ConfigProvider, type ThemeConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { antdLocale } from './i18n';
import { router } from './routes';

// 党建红 as the primary colour; compact radius and font for dense administrative screens.
const theme: ThemeConfig = {
  token: { colorPrimary: '#c8161d', colorLink: '#c8161d', borderRadius: 4, fontSize: 14 },
  components: { Layout: { headerBg: '#b5121b', headerHeight: 52, headerPadding: '0 20px', siderBg: '#fff' } },
};

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocale(i18n.language === 'en' ? 'en' : 'zh')} theme={theme}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ConfigProvider>
  );
}
