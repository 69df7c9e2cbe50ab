// A leadership team (班子): its members (the people in the unit's posts now), its term and 应换届时间,
// its structure as charts, and the structure requirements in force checked with their reasons.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { useMe } from '../../auth/auth-context';
import { errorText } from '../../api/client';
import { getTeam, saveTeamTerm, type TFinding, type TTeamMember, type TTeamPage } from '../../api/cadre-units';
import { useRequest } from '../../lib/use-request';
import { BarChartOf, PieChartOf } from './structure-charts';
import { RENEWAL_COLORS } from './teams-tab';

export default function TeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const unitId = Number(useParams().id);
  const [onDate, setOnDate] = useState<string>();
  const [editing, setEditing] = useState(false);
  const team = useRequest((signal) => getTeam(unitId, onDate, signal), [unitId, onDate]);
  const d = team.data;

  return (
    <div className="page-card" data-testid="team-page">
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('cadreUnits.team.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="team-title">
          {d?.term?.name ?? d?.unit.name}
        </Typography.Title>
        {d && <Tag color={RENEWAL_COLORS[d.renewal]}>{t(`cadreUnits.renewal.${d.renewal}`)}</Tag>}
      </Space>
      {team.error !== undefined && <Alert type="error" showIcon title={errorText(team.error)} />}
      {d && (
        <>
          <Card
            size="small"
            title={t('cadreUnits.team.term')}
            extra={
              can(me.roles, 'cadre.write') && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="team-edit-term">
                  {t('cadreUnits.team.editTerm')}
                </Button>
              )
            }
          >
            {d.term ? (
              <Descriptions size="small" column={4}>
                <Descriptions.Item label={t('cadreUnits.team.termStartedOn')}>{d.term.termStartedOn}</Descriptions.Item>
                <Descriptions.Item label={t('cadreUnits.team.termYears')}>{d.term.termYears}</Descriptions.Item>
                <Descriptions.Item label={t('cadreUnits.team.renewDueOn')}>{d.term.renewDueOn}</Descriptions.Item>
                <Descriptions.Item label={t('cadreUnits.team.note')}>{d.term.note}</Descriptions.Item>
              </Descriptions>
            ) : (
              <span className="muted">{t('cadreUnits.team.noTerm')}</span>
            )}
          </Card>
          <Card size="small" title={t('cadreUnits.team.members')} style={{ marginTop: 12 }}>
            <Members members={d.members} />
          </Card>
          <Card
            size="small"
            title={t('cadreUnits.team.structure')}
            style={{ marginTop: 12 }}
            extra={
              <DatePicker
                value={onDate ? dayjs(onDate) : undefined}
                placeholder={t('cadreUnits.onDate', { date: d.structure.onDate })}
                onChange={(x) => setOnDate(x ? x.format('YYYY-MM-DD') : undefined)}
              />
            }
          >
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <h4>{t('cadreUnits.dims.age')}</h4>
                <BarChartOf counts={d.structure.dims.age} />
              </Col>
              {(['sex', 'education', 'political', 'background', 'yearsInPost'] as const).map((dim) => (
                <Col key={dim} xs={24} md={6}>
                  <h4>{t(`cadreUnits.dims.${dim}`)}</h4>
                  <PieChartOf counts={d.structure.dims[dim]} height={180} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card
            size="small"
            title={t('cadreUnits.team.findings')}
            style={{ marginTop: 12 }}
            extra={<span className="muted">{t('cadreUnits.team.requirementSet', { title: d.requirementSet.title })}</span>}
          >
            <Findings findings={d.findings} />
          </Card>
          {editing && (
            <TermModal
              team={d}
              onClose={(saved) => {
                setEditing(false);
                if (saved) team.setData(saved);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function Members({ members }: { members: TTeamMember[] }) {
  const { t } = useTranslation();
  return (
    <Table<TTeamMember>
      size="small"
      rowKey="appointmentId"
      pagination={false}
      dataSource={members}
      data-testid="team-members"
      columns={[
        { title: t('cadreUnits.col.post'), dataIndex: 'postTitle', width: 120 },
        {
          title: t('cadreUnits.col.name'),
          dataIndex: 'name',
          width: 90,
          render: (n, m) => (m.concurrent ? `${n} (${t('cadreUnits.concurrent')})` : n),
        },
        { title: t('cadreUnits.col.sex'), dataIndex: 'sex', width: 50 },
        { title: t('cadreUnits.col.birth'), dataIndex: 'birth', width: 90 },
        { title: t('cadreUnits.col.age'), dataIndex: 'age', width: 50 },
        { title: t('cadreUnits.col.ethnicity'), dataIndex: 'ethnicity', width: 70 },
        { title: t('cadreUnits.col.political'), dataIndex: 'political', width: 110 },
        { title: t('cadreUnits.col.education'), dataIndex: 'education', width: 100 },
        { title: t('cadreUnits.col.background'), dataIndex: 'background', width: 80 },
        { title: t('cadreUnits.col.decidedOn'), dataIndex: 'decidedOn', width: 100 },
        { title: t('cadreUnits.col.yearsInPost'), dataIndex: 'yearsInPost', width: 90 },
      ]}
    />
  );
}

function Findings({ findings }: { findings: TFinding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <span className="muted">{t('cadreUnits.team.noMembers')}</span>;
  return (
    <Table<TFinding>
      size="small"
      rowKey="requirementId"
      pagination={false}
      dataSource={findings}
      data-testid="team-findings"
      columns={[
        { title: t('cadreUnits.team.findings'), dataIndex: 'title' },
        {
          title: '',
          width: 80,
          render: (_, f) => <Tag color={f.ok ? 'green' : 'red'}>{f.ok ? t('cadreUnits.team.ok') : t('cadreUnits.team.short')}</Tag>,
        },
        { title: '', dataIndex: 'reason', width: 320 },
        {
          title: t('cadreUnits.team.source'),
          render: (_, f) => (
            <span>
              <Tag>{t(`cadreUnits.team.basis.${f.basis}`)}</Tag>
              {f.source}
            </span>
          ),
        },
      ]}
    />
  );
}

interface TermForm {
  name: string;
  termYears: number;
  termStartedOn: Dayjs;
  renewDueOn?: Dayjs | null;
  note?: string;
}

function TermModal({ team, onClose }: { team: TTeamPage; onClose: (saved?: TTeamPage) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TermForm>();
  const [busy, setBusy] = useState(false);
  const term = team.term;
  const submit = async (v: TermForm) => {
    setBusy(true);
    try {
      const saved = await saveTeamTerm(team.unit.id, {
        version: term?.version,
        name: v.name,
        termYears: v.termYears,
        termStartedOn: v.termStartedOn.format('YYYY-MM-DD'),
        renewDueOn: v.renewDueOn ? v.renewDueOn.format('YYYY-MM-DD') : undefined,
        note: v.note,
      });
      void message.success(t('common.saved'));
      onClose(saved);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('cadreUnits.unit.required') }];
  return (
    <Modal
      open
      title={t('cadreUnits.team.editTerm')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form<TermForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: term?.name ?? team.unit.name,
          termYears: term?.termYears ?? 5,
          termStartedOn: term?.termStartedOn ? dayjs(term.termStartedOn) : undefined,
          renewDueOn: term?.renewDueOn ? dayjs(term.renewDueOn) : undefined,
          note: term?.note,
        }}
      >
        <Form.Item name="name" label={t('cadreUnits.team.termName')} rules={required}>
          <Input count={{ max: 60 }} />
        </Form.Item>
        <Space>
          <Form.Item name="termStartedOn" label={t('cadreUnits.team.termStartedOn')} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="termYears" label={t('cadreUnits.team.termYears')} rules={required}>
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Space>
        <Form.Item name="renewDueOn" label={t('cadreUnits.team.renewDueOn')} extra={t('cadreUnits.team.renewDueHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('cadreUnits.team.note')}>
          <Input.TextArea count={{ max: 500 }} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
