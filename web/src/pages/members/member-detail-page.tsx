// One member's record: header with category and status, the audited reveal of the full ID number
// for roles allowed to, edit, and tabs for the record and its full change history.
import { useState } from 'react';
import { App, Breadcrumb, Button, Descriptions, Result, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { ApiError, errorText } from '../../api/client';
import { getMember, revealIdNumber, type TMemberDetail } from '../../api/members';
import { useMe } from '../../auth/auth-context';
import { NotFoundResult } from '../../components/results';
import { PageSpin } from '../../components/route-guards';
import { useRequest } from '../../lib/use-request';
import { useMemberLabels } from './member-labels';
import { MemberFormModal } from './member-form-modal';
import { MemberHistoryTab } from './member-history-tab';
import { StatusChangeModal } from '../transfers/status-change-modal';

export function MemberDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const [revision, setRevision] = useState(0);
  const req = useRequest((signal) => getMember(id, signal), [id]);
  if (req.error instanceof ApiError && (req.error.status === 404 || req.error.status === 400))
    return <NotFoundResult subTitle={t('members.notFound')} />;
  if (req.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(req.error)} />;
  const m = req.data?.id === id ? req.data : undefined;
  if (!m) return <PageSpin />;
  const writable = can(me.roles, 'member.write');
  return (
    <div className="page-card">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/members">{t('members.title')}</Link> },
          ...m.orgPath.map((o) => ({ title: <Link to={`/members?orgId=${o.id}`}>{o.name}</Link> })),
          { title: m.name },
        ]}
      />
      <div className="org-head">
        <Space size={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-detail-name">
            {m.name}
          </Typography.Title>
          <MemberTags m={m} />
        </Space>
        <Space>
          {can(me.roles, 'status.write') && (
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="member-status-change">
              {t('transfers.status.change')}
            </Button>
          )}
          {writable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="member-edit">
              {t('members.edit')}
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        items={[
          { key: 'basic', label: t('members.tabs.basic'), children: <MemberRecord m={m} canReveal={can(me.roles, 'member.reveal_id')} /> },
          { key: 'history', label: t('members.tabs.history'), children: <MemberHistoryTab memberId={m.id} revision={revision} /> },
        ]}
      />
      {changingStatus && (
        <StatusChangeModal
          memberId={m.id}
          name={m.name}
          status={m.status}
          onCancel={() => setChangingStatus(false)}
          onDone={() => {
            setChangingStatus(false);
            req.reload();
            setRevision((n) => n + 1);
          }}
        />
      )}
      {editing && (
        <MemberFormModal
          member={m}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            req.setData(saved);
            setRevision((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

export function MemberTags({ m }: { m: TMemberDetail }) {
  const labels = useMemberLabels();
  return (
    <>
      <Tag color={m.category === 'probationary' ? 'orange' : 'red'}>{labels.label('category', m.category)}</Tag>
      <Tag color={m.status === 'normal' ? 'green' : 'default'}>{labels.label('status', m.status)}</Tag>
    </>
  );
}

/** The record's facts; 党龄 and the political birthday are computed by the server, never typed. */
export function MemberRecord({ m, canReveal }: { m: TMemberDetail; canReveal: boolean }) {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  const { message } = App.useApp();
  const [fullId, setFullId] = useState<string>();
  const reveal = async () => {
    try {
      setFullId((await revealIdNumber(m.id)).idNumber);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const f = (k: string) => t(`members.fields.${k}` as never);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label={f('name')}>{m.name}</Descriptions.Item>
      <Descriptions.Item label={f('gender')}>{m.gender}</Descriptions.Item>
      <Descriptions.Item label={f('ethnicity')}>{labels.label('ethnicity', m.ethnicity)}</Descriptions.Item>
      <Descriptions.Item label={f('birthDate')}>
        {m.birthDate ? `${m.birthDate}（${t('members.ageValue', { count: m.age ?? 0 })}）` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={f('idNumber')}>
        <Space size={4}>
          <span className="mono" data-testid="member-id-shown">
            {fullId ?? dash(m.idMasked)}
          </span>
          {canReveal &&
            m.hasIdNumber &&
            (fullId ? (
              <Button type="link" size="small" onClick={() => setFullId(undefined)}>
                {t('members.hide')}
              </Button>
            ) : (
              <Tooltip title={t('members.revealHint')}>
                <Button type="link" size="small" icon={<EyeOutlined />} onClick={reveal} data-testid="member-reveal-id">
                  {t('members.reveal')}
                </Button>
              </Tooltip>
            ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f('nativePlace')}>{dash(m.nativePlace)}</Descriptions.Item>
      <Descriptions.Item label={f('eduFulltime')}>
        {dash(labels.label('education', m.eduFulltime))} {labels.label('degree', m.degreeFulltime)}
      </Descriptions.Item>
      <Descriptions.Item label={f('eduInservice')}>
        {dash(labels.label('education', m.eduInservice))} {labels.label('degree', m.degreeInservice)}
      </Descriptions.Item>
      <Descriptions.Item label={f('occupation')}>{dash(labels.label('occupation', m.occupation))}</Descriptions.Item>
      <Descriptions.Item label={f('workUnit')}>{dash([m.workUnit, m.jobPost].filter(Boolean).join(' '))}</Descriptions.Item>
      <Descriptions.Item label={f('phone')}>{dash(m.phone)}</Descriptions.Item>
      <Descriptions.Item label={f('address')}>{dash(m.address)}</Descriptions.Item>
      <Descriptions.Item label={f('category')}>{labels.label('category', m.category)}</Descriptions.Item>
      <Descriptions.Item label={f('admittedOn')}>{dash(m.admittedOn)}</Descriptions.Item>
      <Descriptions.Item label={f('fullOn')}>{dash(m.fullOn)}</Descriptions.Item>
      <Descriptions.Item label={f('partyYears')}>
        {m.partyYears === null ? '—' : t('members.years', { count: m.partyYears })}
      </Descriptions.Item>
      <Descriptions.Item label={f('politicalBirthday')}>
        {m.politicalBirthday ? (
          <>
            {t('members.monthDay', { month: m.politicalBirthday.monthDay.slice(0, 2), day: m.politicalBirthday.monthDay.slice(3) })}{' '}
            <span className="muted">
              {t('members.nextBirthday', {
                date: m.politicalBirthday.next,
                years: dayjs(m.politicalBirthday.next).diff(m.politicalBirthday.date, 'year'),
              })}
            </span>
          </>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={f('org')}>{m.orgName}</Descriptions.Item>
      <Descriptions.Item label={f('status')}>
        {labels.label('status', m.status)}
        {m.statusSince ? <span className="muted">（{m.statusSince}）</span> : null}
      </Descriptions.Item>
    </Descriptions>
  );
}
