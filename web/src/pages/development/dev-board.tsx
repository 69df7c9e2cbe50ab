// The board of a subtree: people per stage and per step, what is overdue, what falls due within 30 days.
import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import type { Id } from '../../api/types';
import { getBoard, type TPeopleFilter } from '../../api/development';
import { useRequest } from '../../lib/use-request';
import { DEV_STEPS } from '../../../../domain/rules/development-steps';
import { STATUS_COLORS, useDevLabels } from './dev-labels';
import { PersonTable } from './person-table';

export function DevBoard({ orgId, onShow }: { orgId?: Id; onShow: (f: TPeopleFilter) => void }) {
  const { t } = useTranslation();
  const l = useDevLabels();
  const board = useRequest((signal) => getBoard(orgId, signal), [orgId]);
  if (board.error) return <Alert type="error" showIcon title={errorText(board.error)} />;
  const b = board.data;
  const steps = DEV_STEPS.map((s) => ({ ...s, ...(b?.byStep.find((x) => x.stepNo === s.no) ?? { count: 0, overdue: 0 }) }));
  return (
    <div data-testid="dev-board">
      <Row gutter={[12, 12]}>
        {(b?.byStatus ?? [])
          .filter((s) => s.status !== 'cancelled')
          .map((s) => (
            <Col key={s.status} xs={12} md={8} lg={4}>
              <Card
                size="small"
                hoverable
                onClick={() => onShow({ status: s.status })}
                data-testid={`stage-${s.status}`}
                style={{
                  borderTop: `3px solid var(--ant-color-${STATUS_COLORS[s.status] === 'default' ? 'border' : STATUS_COLORS[s.status]})`,
                }}
              >
                <Statistic title={l.status(s.status)} value={s.count} loading={board.loading} />
                {s.overdue > 0 && (
                  <Typography.Text type="danger">
                    {t('development.overdueCount')} {s.overdue}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          ))}
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('development.byStep')}>
            <Table
              size="small"
              rowKey="no"
              pagination={false}
              loading={board.loading}
              dataSource={steps}
              scroll={{ y: 480 }}
              onRow={(r) => ({ onClick: () => onShow({ step: r.no }), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('development.stage'), dataIndex: 'stage', width: 60, render: (s: number) => s },
                { title: t('development.step'), dataIndex: 'no', render: (no: number) => l.step(no) },
                { title: t('development.count'), dataIndex: 'count', width: 60, align: 'right' },
                {
                  title: t('development.overdueCount'),
                  dataIndex: 'overdue',
                  width: 60,
                  align: 'right',
                  render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : ''),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={`${t('development.overdueList')}（${b?.overdue.length ?? 0}）`}
            extra={<a onClick={() => onShow({ overdue: true })}>{t('development.onlyOverdue')}</a>}
          >
            <PersonTable rows={b?.overdue ?? []} loading={board.loading} testId="board-overdue" />
          </Card>
          <Card size="small" title={`${t('development.dueSoon')}（${b?.dueSoon.length ?? 0}）`} style={{ marginTop: 12 }}>
            <PersonTable rows={b?.dueSoon ?? []} loading={board.loading} testId="board-due-soon" />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
