// 我的组织生活: the meetings the member was called to this year (present or absent, with the reason
// recorded by the branch) and the meetings planned ahead. Read only: the branch records attendance.
import { useState } from 'react';
import { Alert, Card, Grid, List, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { getMyMeetings, type TMyMeetings } from '../../api/meetings';
import { useRequest } from '../../lib/use-request';
import { KindTags, todayCn } from './meeting-labels';

type Item = TMyMeetings['items'][number];

export default function MyMeetingsPage() {
  const { t } = useTranslation();
  const thisYear = Number(todayCn().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const req = useRequest((signal) => getMyMeetings(year, signal), [year]);
  const d = req.data;
  // A phone (below md, 768 px) gets one card per meeting instead of the six-column table.
  const narrow = !Grid.useBreakpoint().md;
  const attendance = (i: Item) =>
    i.present ? (
      <Tag color="green">{t('meetings.mine.present')}</Tag>
    ) : (
      <Space size={4}>
        <Tag color="orange">{t('meetings.mine.absentTag')}</Tag>
        <span className="muted">{i.absenceReason}</span>
      </Space>
    );

  return (
    <div className="page-card" data-testid="my-meetings">
      <div className="org-head">
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('meetings.mine.title')}
          </Typography.Title>
          {d && (
            <span className="muted">
              {d.member.name} · {d.member.orgName}
            </span>
          )}
        </Space>
        <Space>
          <span>{t('meetings.mine.year')}</span>
          <Select
            style={{ width: 100 }}
            value={year}
            onChange={setYear}
            options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
          />
        </Space>
      </div>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {d && (
        <>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title={t('meetings.mine.present')} value={d.counts.attended} />
            <Statistic title={t('meetings.mine.absentTag')} value={d.counts.absent} />
          </Space>
          {year === thisYear && (
            <Card size="small" title={t('meetings.mine.upcoming')} style={{ marginBottom: 12 }}>
              <List
                size="small"
                dataSource={d.upcoming}
                locale={{ emptyText: t('meetings.mine.noUpcoming') }}
                renderItem={(u) => (
                  <List.Item>
                    <Space wrap>
                      <strong>
                        {u.plannedOn}
                        {u.startTime && ` ${u.startTime}`}
                      </strong>
                      <KindTags kinds={u.kinds} />
                      <span>{u.topic}</span>
                      {u.place && <span className="muted">{u.place}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Typography.Title level={5}>{t('meetings.mine.history')}</Typography.Title>
          {narrow ? (
            <List<Item>
              dataSource={d.items}
              pagination={d.items.length > 20 ? { pageSize: 20, size: 'small' } : false}
              locale={{ emptyText: t('meetings.mine.none') }}
              data-testid="my-meetings-table"
              renderItem={(i) => (
                <List.Item>
                  <div style={{ minWidth: 0, width: '100%' }}>
                    <Space wrap size={4}>
                      <strong>{i.heldOn}</strong>
                      <KindTags kinds={i.kinds} />
                      {attendance(i)}
                    </Space>
                    <div style={{ overflowWrap: 'anywhere' }}>{i.topic}</div>
                    <div className="muted" style={{ overflowWrap: 'anywhere' }}>
                      {i.orgName}
                      {i.place && ` · ${i.place}`}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<Item>
              size="small"
              rowKey="id"
              dataSource={d.items}
              pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
              locale={{ emptyText: t('meetings.mine.none') }}
              data-testid="my-meetings-table"
              columns={[
                { title: t('meetings.col.date'), dataIndex: 'heldOn', width: 110 },
                { title: t('meetings.col.kinds'), dataIndex: 'kinds', width: 220, render: (k: Item['kinds']) => <KindTags kinds={k} /> },
                { title: t('meetings.col.topic'), dataIndex: 'topic', ellipsis: true },
                { title: t('meetings.col.org'), dataIndex: 'orgName', width: 200, ellipsis: true },
                { title: t('meetings.col.place'), dataIndex: 'place', width: 140, ellipsis: true },
                {
                  title: t('meetings.col.attendance'),
                  key: 'p',
                  width: 180,
                  render: (_v, i) => attendance(i),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
