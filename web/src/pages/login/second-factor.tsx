// The second factor after a right password (SECURITY.md 6): a code from the authenticator, or on the
// first login the enrolment (QR code, key, first code) and the recovery codes, shown once.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, List, Space, Spin, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { startTotpEnrolment, submitTotp, type TMe, type TTotpEnrolment } from '../../api/auth';
import { errorText } from '../../api/client';

interface Props {
  mode: 'totp' | 'enrol';
  onDone: (me: TMe) => void;
  onBack: () => void;
}

export function SecondFactor({ mode, onDone, onBack }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<TTotpEnrolment>();
  const [recovery, setRecovery] = useState<{ codes: string[]; me: TMe }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (mode !== 'enrol') return;
    startTotpEnrolment().then(setEnrolment, (e) => setError(errorText(e)));
  }, [mode]);

  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const { recoveryCodes, ...me } = await submitTotp(code.trim());
      if (recoveryCodes?.length) setRecovery({ codes: recoveryCodes, me });
      else onDone(me);
    } catch (e) {
      setError(errorText(e));
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  if (recovery) {
    return (
      <div data-testid="totp-recovery">
        <Typography.Title level={5}>{t('login.recoveryTitle')}</Typography.Title>
        <Alert type="warning" showIcon title={t('login.recoveryHint')} style={{ marginBottom: 12 }} />
        <List
          size="small"
          bordered
          dataSource={recovery.codes}
          renderItem={(c) => <List.Item className="mono">{c}</List.Item>}
          style={{ marginBottom: 12 }}
        />
        <Button type="primary" block onClick={() => onDone(recovery.me)} data-testid="totp-recovery-done">
          {t('login.recoveryDone')}
        </Button>
      </div>
    );
  }

  return (
    <div data-testid={mode === 'enrol' ? 'totp-enrol' : 'totp-step'}>
      <Typography.Title level={5}>{t(mode === 'enrol' ? 'login.enrolTitle' : 'login.totpTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(mode === 'enrol' ? 'login.enrolHint' : 'login.totpHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-error" />}
      {mode === 'enrol' &&
        (enrolment ? (
          <Space direction="vertical" align="center" style={{ width: '100%', marginBottom: 12 }}>
            <img src={enrolment.qrDataUrl} width={200} height={200} alt="otpauth QR" data-testid="totp-qr" />
            <Typography.Text type="secondary">{t('login.enrolSecret')}</Typography.Text>
            <Typography.Text copyable className="mono" data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Space>
        ) : (
          !error && <Spin style={{ display: 'block', margin: '16px auto' }} />
        ))}
      <Form form={form} onFinish={submit} size="large" requiredMark={false}>
        <Form.Item name="code" rules={[{ required: true, whitespace: true, message: t('login.totpRequired') }, { max: 16 }]}>
          <Input
            prefix={<SafetyOutlined />}
            placeholder={t('login.totpCode')}
            autoComplete="one-time-code"
            inputMode={mode === 'enrol' ? 'numeric' : 'text'}
            autoFocus
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="totp-submit">
          {t(mode === 'enrol' ? 'login.enrolSubmit' : 'login.totpSubmit')}
        </Button>
      </Form>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('login.back')}
      </Button>
    </div>
  );
}
