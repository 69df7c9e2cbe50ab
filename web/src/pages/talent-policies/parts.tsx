// Shared pieces of the talent-policy pages: yuan from integer fen, the status tag, the evaluation with the reason
// for every condition, and the review trail (who, when, outcome, reason).
import { Space, Table, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TApplication, TApplicationStatus, TEvaluation } from '../../api/talent-policies';

/** A label of a value (status, step, outcome, condition…), the value itself when the key is unknown. */
export const lbl = (t: TFunction, group: string, v: string): string =>
  t(`talentPolicies.${group}.${v}` as never, { defaultValue: v }) as string;

/** Yuan with two decimals from integer fen (never floating arithmetic on the stored amount). */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? ''
    : `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('zh-CN')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** Integer fen from a yuan amount typed in a form. */
export const toFen = (v: number) => Math.round(v * 100);

const COLOR: Partial<Record<TApplicationStatus, string>> = {
  publicity: 'orange',
  paying: 'blue',
  completed: 'green',
  returned: 'gold',
  refused: 'red',
  clawed_back: 'magenta',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status] ?? 'processing'}>{lbl(t, 'status', status)}</Tag>;
}

/** The condition's label from its key ("ITEM.kind" or "policy.in_force"). */
function useCondLabel() {
  const { t } = useTranslation();
  return (key: string) => lbl(t, 'cond', key.split('.').pop() ?? key);
}

export function EvaluationView({ e, testId = 'evaluation' }: { e: TEvaluation; testId?: string }) {
  const { t } = useTranslation();
  const label = useCondLabel();
  const general = e.conditions.filter((c) => !c.item);
  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={e.eligible ? 'green' : 'red'} data-testid={`${testId}-verdict`}>
          {e.eligible ? t('talentPolicies.evaluate.eligible') : t('talentPolicies.evaluate.notEligible')}
        </Tag>
        <Typography.Text>
          {t('talentPolicies.evaluate.amount')}: <b data-testid={`${testId}-amount`}>{yuan(e.amountFen)}</b>
        </Typography.Text>
      </Space>
      {[{ code: '', name: '', versionOn: null as string | null, conditions: general, eligible: true, amountFen: 0 }, ...e.items]
        .filter((x) => x.conditions.length > 0)
        .map((it) => (
          <div key={it.code || 'policy'} style={{ marginBottom: 12 }}>
            {it.code && (
              <Typography.Text strong>
                {it.name} ({it.code}) · {yuan(it.amountFen)} ·{' '}
                {it.versionOn ? t('talentPolicies.evaluate.versionOn', { on: it.versionOn }) : t('talentPolicies.evaluate.noVersion')}
              </Typography.Text>
            )}
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={it.conditions}
              columns={[
                {
                  title: t('talentPolicies.evaluate.condition'),
                  dataIndex: 'key',
                  width: 150,
                  render: (k: string, c) => (
                    <span data-testid={`cond-${k}`} data-met={c.met ? '1' : '0'}>
                      {c.met ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />} {label(k)}
                    </span>
                  ),
                },
                { title: t('talentPolicies.evaluate.reason'), dataIndex: 'reason' },
                { title: t('talentPolicies.evaluate.source'), dataIndex: 'source', width: 220 },
              ]}
            />
          </div>
        ))}
    </div>
  );
}

export function Trail({ a }: { a: TApplication }) {
  const { t } = useTranslation();
  const tr = (group: string, v: string) => lbl(t, group, v);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={a.steps}
      data-testid="trail"
      columns={[
        { title: t('talentPolicies.app.at'), dataIndex: 'at', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        { title: t('talentPolicies.app.step'), dataIndex: 'step', render: (v: string) => tr('step', v) },
        { title: t('talentPolicies.app.outcome'), dataIndex: 'outcome', render: (v: string) => tr('outcome', v) },
        { title: t('talentPolicies.app.by'), dataIndex: 'byName' },
        { title: t('talentPolicies.app.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
