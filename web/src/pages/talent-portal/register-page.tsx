// Public self-registration (issue 15 point 8): a talent or an employer, a mobile number or e-mail, a
// one-time code, a password, the district, and consent to the personal-information rules (PIPL). After
// registering the person is signed in and lands on their home. Built for a 375-px phone: one column.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { login } from '../../api/auth';
import { errorText } from '../../api/client';
import { consentNotice, publicDistricts, registerAccount, sendCode, type TConsentNotice } from '../../api/talent-portal';
import { useAuth } from '../../auth/auth-context';
import { LanguageSwitch } from '../../components/language-switch';
import { validValues } from '../../lib/form-values';
import { homePath } from '../../lib/home-path';
import './talent-portal.css';

interface Values {
  kind: 'talent' | 'employer';
  identifier: string;
  code: string;
  password: string;
  name: string;
  employerName?: string;
  creditCode?: string;
  districtOrgId: number;
  consent: boolean;
}

const IDENTIFIER = /^1\d{10}$|^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, setMe } = useAuth();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'talent';
  const [notice, setNotice] = useState<TConsentNotice>();
  const [districts, setDistricts] = useState<{ id: number; name: string }[]>([]);
  const [error, setError] = useState<string>();
  const [info, setInfo] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consentNotice().then(setNotice, (e) => setError(errorText(e)));
    publicDistricts().then(
      (r) => setDistricts(r.items),
      (e) => setError(errorText(e)),
    );
  }, []);

  if (me) return <Navigate to={homePath(me)} replace />;

  const ask = async () => {
    const identifier = String(form.getFieldValue('identifier') ?? '').trim();
    if (!IDENTIFIER.test(identifier)) {
      form.setFields([{ name: 'identifier', errors: [t('talentPortal.register.identifierInvalid')] }]);
      return;
    }
    setError(undefined);
    try {
      const r = await sendCode(identifier);
      setInfo(t('talentPortal.register.codeSent', { minutes: r.expiresInMinutes }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const submit = async () => {
    const v = await validValues(form);
    if (!v || !notice) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await registerAccount({
        kind: v.kind,
        identifier: v.identifier.trim(),
        code: v.code.trim(),
        password: v.password,
        name: v.name,
        districtOrgId: v.districtOrgId,
        employerName: v.employerName ?? '',
        creditCode: v.creditCode ?? '',
        consentVersion: notice.version,
        consent: v.consent,
      });
      const signed = await login(r.username, v.password);
      if ('secondFactor' in signed) navigate('/login', { replace: true });
      else {
        setMe(signed);
        navigate(homePath(signed), { replace: true });
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="talent-portal">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={4} style={{ margin: '8px 0' }}>
          {t('talentPortal.register.title')}
        </Typography.Title>
        <LanguageSwitch />
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="register-error" />}
      {info && <Alert type="info" showIcon message={info} style={{ marginBottom: 12 }} data-testid="register-info" />}
      <Card>
        <Form form={form} layout="vertical" initialValues={{ kind: 'talent', consent: false }} onFinish={submit}>
          <Form.Item name="kind" label={t('talentPortal.register.kind')}>
            <Radio.Group data-testid="register-kind">
              <Radio value="talent">{t('talentPortal.register.kinds.talent')}</Radio>
              <Radio value="employer">{t('talentPortal.register.kinds.employer')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="identifier"
            label={t('talentPortal.register.identifier')}
            rules={[
              { required: true, whitespace: true, message: t('talentPortal.register.identifierRequired') },
              { pattern: IDENTIFIER, message: t('talentPortal.register.identifierInvalid') },
            ]}
          >
            <Input autoComplete="username" inputMode="email" data-testid="register-identifier" />
          </Form.Item>
          <Form.Item label={t('talentPortal.register.code')} required>
            <div className="talent-code-row">
              <Form.Item
                name="code"
                noStyle
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('talentPortal.register.codeRequired') }]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" data-testid="register-code" />
              </Form.Item>
              <Button onClick={ask} data-testid="register-send-code">
                {t('talentPortal.register.sendCode')}
              </Button>
            </div>
          </Form.Item>
          <Form.Item
            name="password"
            label={t('talentPortal.register.password')}
            extra={t('talentPortal.register.passwordHint')}
            rules={[{ required: true, message: t('talentPortal.register.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          {kind === 'employer' && (
            <>
              <Form.Item
                name="employerName"
                label={t('talentPortal.register.employerName')}
                rules={[{ required: true, whitespace: true, message: t('talentPortal.register.employerNameRequired') }]}
              >
                <Input data-testid="register-employer-name" />
              </Form.Item>
              <Form.Item name="creditCode" label={t('talentPortal.register.creditCode')}>
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="name"
            label={kind === 'employer' ? t('talentPortal.register.contactName') : t('talentPortal.register.name')}
            rules={[{ required: true, whitespace: true, message: t('talentPortal.register.nameRequired') }]}
          >
            <Input autoComplete="name" data-testid="register-name" />
          </Form.Item>
          <Form.Item
            name="districtOrgId"
            label={t('talentPortal.register.district')}
            rules={[{ required: true, message: t('talentPortal.register.districtRequired') }]}
          >
            <Select options={districts.map((d) => ({ value: d.id, label: d.name }))} data-testid="register-district" />
          </Form.Item>
          {notice && (
            <Card size="small" title={t('talentPortal.register.consentTitle')} data-testid="register-consent-notice">
              <div className="talent-consent">
                <Typography.Text type="secondary">
                  {t('talentPortal.register.version', { version: notice.version, date: notice.effectiveOn })}
                </Typography.Text>
                <div>
                  <b>{t('talentPortal.register.controller')}</b>: {notice.controller}
                </div>
                <b>{t('talentPortal.register.collected')}</b>
                <ul>
                  {notice.collected.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
                <b>{t('talentPortal.register.purposes')}</b>
                <ul>
                  {notice.purposes.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
                <div>
                  <b>{t('talentPortal.register.retention')}</b>: {notice.retention}
                </div>
                <b>{t('talentPortal.register.rights')}</b>
                <ul>
                  {notice.rights.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
                <div>
                  <b>{t('talentPortal.register.contact')}</b>: {notice.contact}
                </div>
              </div>
            </Card>
          )}
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('talentPortal.register.consentRequired')))) },
            ]}
            style={{ marginTop: 12 }}
          >
            <Checkbox data-testid="register-consent">{t('talentPortal.register.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="register-submit">
            {t('talentPortal.register.submit')}
          </Button>
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            <Link to="/login">{t('talentPortal.register.haveAccount')}</Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
