import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "加载更多" under a keyset-paged table, with how many rows are shown so far. */
export function LoadMore({ count, hasMore, loading, onLoad }: { count: number; hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {hasMore ? (
        <Button size="small" loading={loading} onClick={onLoad} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        count > 0 && <span className="muted">{t('common.allLoaded', { count })}</span>
      )}
    </div>
  );
}
