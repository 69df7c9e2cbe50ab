// A talent's page: the record, the card (tier, number, expiry; grant or renew with a tier of the set in force;
// the PDF), evaluations, documents and the history of every change.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../../../domain/permissions';
import { errorText } from '../../api/client';
import { downloadCard, downloadPersonDocument, getTalent, issueCard, listTierSets } from '../../api/talent';
import { useMe } from '../../auth/auth-context';
import { formatTime } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { EvaluationTab } from './evaluation-tab';
import { TalentFormModal } from './talent-form';

export default function PersonPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const id = Number(useParams().id);
  const req = useRequest((s) => getTalent(id, s), [id]);
  const sets = useRequest((s) => listTierSets(s), []);
  const [granting, setGranting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ tierId: number; issuedOn: dayjs.Dayjs; note?: string }>();
  const p = req.data;
  const grant = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !p) return;
    try {
      req.setData(
        await issueCard(p.id, { tierId: v.tierId, issuedOn: v.issuedOn.format('YYYY-MM-DD'), note: v.note ?? '', version: p.version }),
      );
      void message.success(t('talent.person.issued'));
      setGranting(false);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="page-card" data-testid="talent-person">
      <Link to="/talent">{t('talent.person.back')}</Link>
      {req.error !== undefined && <Alert type="error" showIcon title={errorText(req.error)} />}
      {p && (
        <>
          <Space wrap align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="talent-person-name">
              {p.name}
            </Typography.Title>
            {p.memberId !== null && <Tag color="red">{t('talent.linked.member')}</Tag>}
            {p.cadreId !== null && <Tag color="red">{t('talent.linked.cadre')}</Tag>}
            {can(me.roles, 'talent.write') && (
              <Button size="small" onClick={() => setEditing(true)} data-testid="talent-edit">
                {t('talent.form.edit')}
              </Button>
            )}
          </Space>
          <Card size="small" title={t('talent.person.cardTitle')} style={{ marginBottom: 12 }} data-testid="talent-card">
            {p.cardNo ? (
              <Descriptions size="small" column={3}>
                <Descriptions.Item label={t('talent.col.tier')}>{`${p.tierSetName ?? ''} · ${p.tierName ?? ''}`}</Descriptions.Item>
                <Descriptions.Item label={t('talent.col.cardNo')}>{p.cardNo}</Descriptions.Item>
                <Descriptions.Item
                  label={t('talent.col.cardExpiresOn')}
                >{`${p.cardIssuedOn ?? ''} ~ ${p.cardExpiresOn ?? ''}`}</Descriptions.Item>
              </Descriptions>
            ) : (
              <span className="muted">{t('talent.person.noCard')}</span>
            )}
            <Space style={{ marginTop: 8 }}>
              {can(me.roles, 'talent.write') && p.status === 'active' && (
                <Button onClick={() => setGranting(true)} data-testid="card-grant">
                  {p.cardNo ? t('talent.person.renew') : t('talent.person.grant')}
                </Button>
              )}
              {p.cardNo && (
                <Button onClick={() => downloadCard(p.id).catch((e: unknown) => void message.error(errorText(e)))}>
                  {t('talent.person.pdf')}
                </Button>
              )}
            </Space>
          </Card>
          <Tabs
            items={[
              {
                key: 'record',
                label: t('talent.person.record'),
                children: (
                  <Descriptions size="small" bordered column={2}>
                    <Descriptions.Item label={t('talent.col.sex')}>{p.sex}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.birth')}>{p.birth ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.idMasked')}>{p.idMasked ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.nationality')}>{p.nationality}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.employer')}>{p.employerName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.district')}>{p.districtName}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.field')}>{p.field || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.industry')}>{p.industry || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.recruitment')}>{t(`talent.recruitment.${p.recruitment}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.status')}>{t(`talent.status.${p.status}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.phone')}>{p.phone || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.email')}>{p.email || '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.degrees')} span={2}>
                      {p.degrees.map((d) => [d.level, d.degree, d.school, d.obtainedOn].filter(Boolean).join(' · ')).join('；') || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('talent.col.titles')} span={2}>
                      {p.titles.map((x) => [x.title, x.level].filter(Boolean).join(' · ')).join('；') || '—'}
                    </Descriptions.Item>
                  </Descriptions>
                ),
              },
              {
                key: 'evaluations',
                label: t('talent.person.evaluations'),
                children: <EvaluationTab personId={p.id} canWrite={can(me.roles, 'talent.write')} />,
              },
              {
                key: 'documents',
                label: t('talent.person.documents'),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={p.documents}
                    columns={[
                      {
                        title: t('talent.person.documents'),
                        dataIndex: 'fileName',
                        render: (v: string, d) => (
                          <Typography.Link
                            onClick={() => downloadPersonDocument(p.id, d.id, v).catch((e: unknown) => void message.error(errorText(e)))}
                          >
                            {v}
                          </Typography.Link>
                        ),
                      },
                      { title: t('talent.recognition.kind'), dataIndex: 'kind', width: 140 },
                      { title: t('talent.person.at'), dataIndex: 'uploadedAt', render: (v: string) => formatTime(v) },
                    ]}
                  />
                ),
              },
              {
                key: 'history',
                label: t('talent.person.history'),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={p.history}
                    columns={[
                      { title: t('talent.person.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
                      { title: t('talent.person.change'), dataIndex: 'change', width: 140 },
                      { title: t('talent.person.by'), dataIndex: 'userName', width: 140 },
                      {
                        title: '',
                        key: 'after',
                        // A long change (degrees, titles) wraps inside its cell instead of widening the page.
                        render: (_v, h) => <span style={{ wordBreak: 'break-all' }}>{JSON.stringify(h.after ?? {})}</span>,
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
          {editing && (
            <TalentFormModal
              person={p}
              onClose={() => setEditing(false)}
              onSaved={(x) => {
                req.setData(x);
                setEditing(false);
              }}
            />
          )}
          <Modal
            open={granting}
            title={p.cardNo ? t('talent.person.renew') : t('talent.person.grant')}
            onOk={grant}
            onCancel={() => setGranting(false)}
            destroyOnHidden
          >
            <Form form={form} layout="vertical" preserve={false} initialValues={{ issuedOn: dayjs() }}>
              <Form.Item name="tierId" label={t('talent.person.tierPick')} rules={[{ required: true }]}>
                <Select
                  data-testid="card-tier"
                  options={(sets.data?.items ?? [])
                    .filter((s) => s.inForce)
                    .flatMap((s) => s.tiers.map((x) => ({ value: x.id, label: `${s.name} · ${x.name}` })))}
                />
              </Form.Item>
              <Form.Item name="issuedOn" label={t('talent.person.issuedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="note" label={t('talent.person.note')} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </div>
  );
}
