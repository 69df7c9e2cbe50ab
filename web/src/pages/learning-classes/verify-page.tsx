// The public certificate check (no account): /verify/<code> from the certificate's QR, or a code typed in.
// Shows only the name, the class and its dates (server/modules/learning-classes/public-routes.ts).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { verifyCertificate, type TCertificateVerify } from '../../api/learning-classes';
import { LanguageSwitch } from '../../components/language-switch';
import './learning-classes.css';

export default function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useParams().code ?? '';
  const [typed, setTyped] = useState(param);
  const [cert, setCert] = useState<TCertificateVerify>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setCert(undefined);
    setError(undefined);
    if (!param) return;
    verifyCertificate(param).then(setCert, (e) => setError(errorText(e)));
  }, [param]);
  return (
    <div className="lc-verify">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('learningClasses.verify.title')}</Typography.Title>
        <LanguageSwitch />
      </Space>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('learningClasses.verify.code')}
          aria-label={t('learningClasses.verify.code')}
        />
        <Button type="primary" onClick={() => navigate(`/verify/${encodeURIComponent(typed.trim())}`)}>
          {t('learningClasses.verify.check')}
        </Button>
      </Space.Compact>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {cert && (
        <Card style={{ marginTop: 16 }} data-testid="certificate">
          <Result status="success" title={t('learningClasses.verify.valid')} />
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('learningClasses.verify.name')}>{cert.name}</Descriptions.Item>
            <Descriptions.Item label={t('learningClasses.verify.classTitle')}>{cert.classTitle}</Descriptions.Item>
            <Descriptions.Item label={t('learningClasses.verify.dates')}>{`${cert.startDate} ~ ${cert.endDate}`}</Descriptions.Item>
            <Descriptions.Item label={t('learningClasses.verify.issuedOn')}>{cert.issuedOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
