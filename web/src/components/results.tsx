// Whole-page results: not found (also for objects outside the caller's scope), forbidden, nothing to show.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** 404: "does not exist" and "outside your scope" look the same on purpose (SECURITY.md 13). */
export function NotFoundResult({ subTitle }: { subTitle?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={t('common.notFound')}
      subTitle={subTitle ?? t('common.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  return <Result status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbidden')} />;
}

export function NoPageResult() {
  const { t } = useTranslation();
  return <Result status="info" title={t('common.noPageTitle')} subTitle={t('common.noPage')} />;
}

export default NotFoundResult;
