// The 干部任免审批表 as read on screen: the form's cells in its order (page 1: identity, education,
// posts, 简历; page 2: 奖惩, 考核, 理由, family). One column on a phone, three on a desk.
import { Descriptions, Image, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCadreForm, TEducationRow } from '../../api/cadres';

const dash = (v: string | null | undefined) => (v ? v : '—');
const multiline = (v: string) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : '—');

export function EduCell({ row }: { row: TEducationRow }) {
  if (!row.level && !row.degree) return <>—</>;
  return (
    <span>
      {[row.level, row.degree].filter(Boolean).join(' / ')}
      {(row.levelSchool || row.degreeSchool) && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {[row.levelSchool, row.degreeSchool !== row.levelSchool ? row.degreeSchool : ''].filter(Boolean).join('；')}
        </Typography.Text>
      )}
    </span>
  );
}

export function CadreFormView({ form, photoUrl }: { form: TCadreForm; photoUrl: string | null }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`cadres.fields.${k}` as 'cadres.fields.name');
  const fm = (k: string) => t(`cadres.form.${k}` as 'cadres.form.title');
  const column = { xs: 1, sm: 2, lg: 3 };
  return (
    <div data-testid="cadre-form-view">
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Descriptions bordered size="small" column={column} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Descriptions.Item label={f('name')}>
            <span data-testid="cadre-form-name">{form.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label={f('sex')}>{dash(form.sex)}</Descriptions.Item>
          <Descriptions.Item label={f('birth')}>
            {form.birth ? (form.age !== null ? t('cadres.form.ageValue', { birth: form.birth, age: form.age }) : form.birth) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={f('ethnicity')}>{dash(form.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label={f('nativePlace')}>
            <span data-testid="cadre-form-nativePlace">{dash(form.nativePlace)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={f('birthPlace')}>{dash(form.birthPlace)}</Descriptions.Item>
          <Descriptions.Item label={f('partyJoin')}>{dash([form.partyJoin, form.partyName].filter(Boolean).join('；'))}</Descriptions.Item>
          <Descriptions.Item label={f('workStart')}>{dash(form.workStart)}</Descriptions.Item>
          <Descriptions.Item label={f('health')}>{dash(form.health)}</Descriptions.Item>
          <Descriptions.Item label={f('proTitle')}>{dash(form.proTitle)}</Descriptions.Item>
          <Descriptions.Item label={f('expertise')} span={2}>
            {dash(form.expertise)}
          </Descriptions.Item>
          <Descriptions.Item label={f('idNumber')}>
            <span className="mono">{dash(form.idMasked)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('cadres.edu.fullTime')} span={{ xs: 1, sm: 2, lg: 3 }}>
            <EduCell row={form.fullTime} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cadres.edu.inService')} span={{ xs: 1, sm: 2, lg: 3 }}>
            <EduCell row={form.inService} />
          </Descriptions.Item>
        </Descriptions>
        {photoUrl && form.hasPhoto && <Image src={photoUrl} width={110} alt={fm('photo')} data-testid="cadre-photo" />}
      </div>
      <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={fm('currentPost')}>{dash(form.currentPost)}</Descriptions.Item>
        <Descriptions.Item label={fm('proposedPost')}>{dash(form.proposedPost)}</Descriptions.Item>
        <Descriptions.Item label={fm('proposedRemoval')}>{dash(form.proposedRemoval)}</Descriptions.Item>
        <Descriptions.Item label={fm('resume')}>
          {form.resume.length === 0
            ? '—'
            : form.resume.map((l, i) => (
                <div key={i}>
                  {l.from || l.to ? (
                    <span className="mono" style={{ marginRight: 8 }}>
                      {`${(l.from ?? '').replace('-', '.')}--${(l.to ?? '').replace('-', '.')}`}
                    </span>
                  ) : null}
                  {l.text}
                  {l.sub.map((s, j) => (
                    <div key={j} style={{ paddingLeft: 24 }}>
                      {s}
                    </div>
                  ))}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={fm('rewards')}>{multiline(form.rewards)}</Descriptions.Item>
        <Descriptions.Item label={fm('assessments')}>{multiline(form.assessments)}</Descriptions.Item>
        <Descriptions.Item label={fm('reason')}>{multiline(form.reason)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {fm('family')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.relation}${r.name}`}
        pagination={false}
        dataSource={form.family}
        scroll={{ x: 560 }}
        columns={[
          { title: t('cadres.family.relation'), dataIndex: 'relation', width: 70 },
          { title: t('cadres.family.name'), dataIndex: 'name', width: 90 },
          { title: t('cadres.family.birth'), dataIndex: 'birth', width: 90, render: (v: string | null, r) => (r.deceased ? '' : dash(v)) },
          { title: t('cadres.family.political'), dataIndex: 'political', width: 100 },
          { title: t('cadres.family.workPost'), dataIndex: 'workPost' },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={fm('reportingUnit')}>{dash(form.reportingUnit)}</Descriptions.Item>
        <Descriptions.Item label={fm('ageAt')}>{dash(form.ageAt)}</Descriptions.Item>
        <Descriptions.Item label={fm('filledOn')}>{dash(form.filledOn)}</Descriptions.Item>
        <Descriptions.Item label={fm('filledBy')}>{dash(form.filledBy)}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
