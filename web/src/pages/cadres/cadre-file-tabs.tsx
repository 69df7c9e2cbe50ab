// The cadre file's basic tab and the tables of its list sections (ranks, rewards, assessments, family).
import { Descriptions, Table } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TCadreFile } from '../../api/cadres';
import type { ListSection } from './cadre-list-modals';

export function BasicTab({ c, action }: { c: TCadreFile; action: React.ReactNode }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`cadres.fields.${k}` as 'cadres.fields.name');
  const keys = [
    'name',
    'sex',
    'birth',
    'ethnicity',
    'nativePlace',
    'birthPlace',
    'partyJoin',
    'partyName',
    'political',
    'workStart',
    'health',
    'proTitle',
    'expertise',
    'background',
    'grassrootsMonths',
    'rankTitle',
    'currentTitle',
    'currentSince',
  ] as const;
  return (
    <>
      {action}
      {c.memberId !== null && <p className="muted">{t('cadres.memberHint')}</p>}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 8 }}>
        {keys.map((k) => (
          <Descriptions.Item key={k} label={f(k)}>
            <span data-testid={`cadre-basic-${k}`}>{c[k] === null || c[k] === '' ? '—' : String(c[k])}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('cadres.managerOrg')}>{c.managerOrgName}</Descriptions.Item>
        <Descriptions.Item label={f('idNumber')}>
          <span className="mono">{c.idMasked ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('userId')}>{c.userId ?? '—'}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

export function RowsTable({ c, section }: { c: TCadreFile; section: ListSection }) {
  const { t } = useTranslation();
  const yes = (v: boolean) => (v ? <CheckCircleOutlined /> : '');
  if (section === 'ranks')
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.ranks}
        columns={(['title', 'level', 'decidedOn', 'docNo', 'endedOn'] as const).map((k) => ({
          title: t(`cadres.rank.${k}`),
          dataIndex: k,
        }))}
      />
    );
  if (section === 'rewards')
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.rewards}
        columns={[
          { title: t('cadres.reward.kind'), dataIndex: 'kind', width: 80, render: (v: 'reward' | 'punishment') => t(`cadres.reward.${v}`) },
          { title: t('cadres.reward.onDate'), dataIndex: 'onDate', width: 110 },
          { title: t('cadres.reward.text'), dataIndex: 'text' },
          { title: t('cadres.reward.onForm'), dataIndex: 'onForm', width: 130, render: yes },
          { title: t('cadres.reward.until'), dataIndex: 'until', width: 110 },
        ]}
      />
    );
  if (section === 'assessments')
    return (
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={c.assessments}
        columns={(['year', 'grade', 'note'] as const).map((k) => ({ title: t(`cadres.assessment.${k}`), dataIndex: k }))}
      />
    );
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={c.family}
      scroll={{ x: 900 }}
      columns={[
        ...(['relation', 'name', 'birth', 'political', 'workPost'] as const).map((k) => ({ title: t(`cadres.family.${k}`), dataIndex: k })),
        { title: t('cadres.family.deceased'), dataIndex: 'deceased', render: yes },
        {
          title: t('cadres.family.abroad'),
          key: 'abroad',
          render: (_v: unknown, r: TCadreFile['family'][number]) => (r.abroadCountry ? `${r.abroadCountry} ${r.abroadStatus ?? ''}` : ''),
        },
      ]}
    />
  );
}
