// Login: username and password, then the second factor where the account needs one; the server's
// message on failure; demo accounts when in demo mode.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { login, type TMe } from '../../api/auth';
import { errorText } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { LanguageSwitch } from '../../components/language-switch';
import { homePath } from '../../lib/home-path';
import { DemoAccounts } from './demo-accounts';
import { SecondFactor } from './second-factor';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, setMe, demo } = useAuth();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const [secondFactor, setSecondFactor] = useState<'totp' | 'enrol'>();

  if (me) return <Navigate to={homePath(me)} replace />;

  const signedIn = (user: TMe) => {
    setMe(user);
    navigate(homePath(user), { replace: true });
  };

  const submit = async ({ username, password }: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await login(username.trim(), password);
      if ('secondFactor' in result) {
        form.setFieldValue('password', '');
        setSecondFactor(result.secondFactor);
      } else {
        signedIn(result);
      }
    } catch (e) {
      setError(errorText(e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" extra={<LanguageSwitch />} title={t('login.welcome')}>
        <h1>{t('app.name')}</h1>
        <div className="subtitle">{t('app.subtitle')}</div>
        {secondFactor ? (
          <SecondFactor mode={secondFactor} onDone={signedIn} onBack={() => setSecondFactor(undefined)} />
        ) : (
          <>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Form form={form} onFinish={submit} size="large" requiredMark={false} autoComplete="on">
              <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
                <Input prefix={<UserOutlined />} placeholder={t('login.username')} autoComplete="username" data-testid="login-username" />
              </Form.Item>
              <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password
                  prefix={<LockOutlined />}
                  placeholder={t('login.password')}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          </>
        )}
        {demo && !secondFactor && <DemoAccounts onPick={(username, password) => form.setFieldsValue({ username, password })} />}
      </Card>
    </div>
  );
}
