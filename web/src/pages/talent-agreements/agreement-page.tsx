// One 柔性引才 agreement (the talent office; the to-do reminders link here): the parties, form and term, the
// on-site days promised, recorded and due, recording days, the deliverables with acceptance or return, the end
// or termination with its reason, and the renewal.
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getAgreement, recordDays, type TAgreement, type TDeliverable } from '../../api/talent-agreements';
import { formatMinute } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { AgreementTags, DaysSummary } from './agreement-parts';
import { ActionModal, DaysModal, type Action } from './agreement-actions';

export default function AgreementPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const req = useRequest((signal) => getAgreement(id, signal), [id]);
  const [action, setAction] = useState<Action>();
  const a = req.data;
  const writes = can(me.roles, 'talent.write');
  const active = a?.status === 'active';

  return (
    <div className="page-card">
      <Link to="/talent-agreements">{t('talentAgreements.back')}</Link>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} style={{ marginTop: 8 }} />}
      {a && (
        <>
          <Typography.Title level={4}>
            {t('talentAgreements.detailTitle', { name: a.personName, employer: a.employerName })}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            <AgreementTags r={a} />
            {writes && active && (
              <>
                <Button onClick={() => setAction({ kind: 'days' })} data-testid="record-days">
                  {t('talentAgreements.recordDays')}
                </Button>
                <Button onClick={() => setAction({ kind: 'deliverable' })}>{t('talentAgreements.addDeliverable')}</Button>
                <Button danger onClick={() => setAction({ kind: 'end' })}>
                  {t('talentAgreements.end')}
                </Button>
              </>
            )}
            {writes && a.renewedBy === null && <Button onClick={() => setAction({ kind: 'renew' })}>{t('talentAgreements.renew')}</Button>}
          </Space>
          <Parties a={a} />
          <Typography.Title level={5}>{t('talentAgreements.daysTitle')}</Typography.Title>
          <DaysSummary a={a} />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={a.days}
            columns={[
              { title: t('talentAgreements.fromOn'), dataIndex: 'fromOn', width: 120 },
              { title: t('talentAgreements.dayCount'), dataIndex: 'days', width: 80, align: 'right' },
              { title: t('talentAgreements.col.note'), dataIndex: 'note' },
              {
                title: t('talentAgreements.col.employer'),
                key: 'by',
                width: 220,
                render: (_, d) => `${t(`talentAgreements.recordedAs.${d.recordedAs}`)} · ${d.userName ?? ''} · ${formatMinute(d.at)}`,
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('talentAgreements.deliverablesTitle')}
          </Typography.Title>
          <Table<TDeliverable>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={a.deliverables}
            columns={[
              { title: t('talentAgreements.deliverableTitle'), dataIndex: 'title' },
              { title: t('talentAgreements.dueOn'), dataIndex: 'dueOn', width: 120 },
              { title: t('talentAgreements.col.status'), key: 'outcome', width: 100, render: (_, d) => <OutcomeTag d={d} /> },
              {
                title: t('talentAgreements.acceptance'),
                key: 'acc',
                render: (_, d) => [d.decidedOn, d.acceptance].filter(Boolean).join(' '),
              },
              {
                title: t('common.actions'),
                key: 'op',
                width: 140,
                render: (_, d) =>
                  writes &&
                  d.outcome !== 'accepted' && (
                    <Space>
                      <Button size="small" type="link" onClick={() => setAction({ kind: 'accepted', d })}>
                        {t('talentAgreements.accept')}
                      </Button>
                      <Button size="small" type="link" danger onClick={() => setAction({ kind: 'returned', d })}>
                        {t('talentAgreements.return')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
          {a.evaluations.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('talentAgreements.evaluations')}
              </Typography.Title>
              <Space wrap>
                {a.evaluations.map((e) => (
                  <Tag key={e.year}>{`${e.year}: ${e.achieved} / ${e.potential} / ${e.total}`}</Tag>
                ))}
              </Space>
            </>
          )}
          {action?.kind === 'days' && (
            <DaysModal
              onSave={(body) => recordDays(a.id, body)}
              onDone={(next) => {
                req.setData(next);
                setAction(undefined);
              }}
              onClose={() => setAction(undefined)}
            />
          )}
          {action && action.kind !== 'days' && (
            <ActionModal
              a={a}
              action={action}
              onDone={(next) => {
                setAction(undefined);
                if (next.id !== a.id) navigate(`/talent-agreements/${next.id}`);
                else req.setData(next);
              }}
              onClose={() => setAction(undefined)}
            />
          )}
        </>
      )}
    </div>
  );
}

function Parties({ a }: { a: TAgreement }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('talentAgreements.col.person')}>{a.personName}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.employer')}>{`${a.employerName} · ${a.districtName}`}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.home')}>{a.homeInstitution}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.form')}>{t(`talentAgreements.form.${a.form}`)}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.pay')}>{(a.payFen / 100).toFixed(2)}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.payTerms')}>{a.payTerms}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.ipTerms')}>{a.ipTerms}</Descriptions.Item>
      <Descriptions.Item label={t('talentAgreements.col.note')}>{a.note}</Descriptions.Item>
      {a.endedOn && <Descriptions.Item label={t('talentAgreements.col.endReason')}>{`${a.endedOn} ${a.endReason}`}</Descriptions.Item>}
      {(a.renewedFrom !== null || a.renewedBy !== null) && (
        <Descriptions.Item label={t('talentAgreements.col.renewed')}>
          <Space>
            {a.renewedFrom !== null && <Link to={`/talent-agreements/${a.renewedFrom}`}>{`#${a.renewedFrom} →`}</Link>}
            {a.renewedBy !== null && <Link to={`/talent-agreements/${a.renewedBy}`}>{`→ #${a.renewedBy}`}</Link>}
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function OutcomeTag({ d }: { d: TDeliverable }) {
  const { t } = useTranslation();
  if (d.outcome === 'accepted') return <Tag color="green">{t('talentAgreements.outcome.accepted')}</Tag>;
  if (d.outcome === 'returned') return <Tag color="red">{t('talentAgreements.outcome.returned')}</Tag>;
  return d.overdue ? <Tag color="orange">{t('talentAgreements.outcome.overdue')}</Tag> : <Tag>{t('talentAgreements.outcome.open')}</Tag>;
}
