// Study the server flagged as implausible (hours without a pause, many accounts from one device, fast
// playback), for a person to review: the credit stays as counted, the review is recorded.
import { useState } from 'react';
import { Alert, Button, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { listFlags, reviewFlag, type TFlag } from '../../api/learning';
import { formatMinute } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';

export function FlagsTab() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const req = useRequest((signal) => listFlags(all, signal), [all]);
  const [error, setError] = useState<string>();
  const review = async (id: number, r: 'cleared' | 'upheld') => {
    try {
      await reviewFlag(id, r, '');
      req.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div data-testid="learning-flags">
      <div className="filter-bar">
        <Space>
          <Switch checked={all} onChange={setAll} size="small" />
          {t('learning.flags.all')}
        </Space>
      </div>
      {(error || req.error !== undefined) && <Alert type="error" showIcon title={error ?? errorText(req.error)} />}
      <Table<TFlag>
        size="small"
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items}
        scroll={{ x: 700 }}
        columns={[
          { title: t('learning.flags.col.learner'), dataIndex: 'learnerName', width: 90 },
          { title: t('learning.flags.col.org'), dataIndex: 'orgName' },
          { title: t('learning.flags.col.material'), dataIndex: 'materialTitle' },
          {
            title: t('learning.flags.col.kind'),
            dataIndex: 'kind',
            width: 140,
            render: (k: TFlag['kind']) => <Tag>{t(`learning.flags.kinds.${k}`)}</Tag>,
          },
          { title: t('learning.flags.col.raisedAt'), dataIndex: 'raisedAt', width: 140, render: (d: string) => formatMinute(d) },
          {
            title: t('learning.flags.col.review'),
            width: 180,
            render: (_: unknown, f) =>
              f.review ? (
                t(`learning.flags.reviewed.${f.review}`)
              ) : (
                <Space>
                  <Button size="small" onClick={() => void review(f.id, 'cleared')}>
                    {t('learning.flags.clear')}
                  </Button>
                  <Button size="small" danger onClick={() => void review(f.id, 'upheld')}>
                    {t('learning.flags.uphold')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
