// The applicant's (talent.self) and the employer's (talent.employer) policy applications, one column for a 375-px
// phone: open calls and applying (an employer names one of its staff), each application's progress with the
// reasons given, attachments by the call's list, submitting, correcting and resubmitting a returned one,
// withdrawing, and the employer's own review of its staff's applications.
import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/client';
import { myEmployer } from '../../api/talent-portal';
import {
  correctOwnApplication,
  createOwnApplication,
  employerReview,
  getOwnApplication,
  listOpenCalls,
  listOwnApplications,
  submitOwnApplication,
  uploadAttachment,
  withdrawOwnApplication,
  type Side,
  type TApplication,
  type TCall,
} from '../../api/talent-policies';
import { PageSpin } from '../../components/route-guards';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';
import { lbl, StatusTag, yuan } from '../talent-policies/parts';
import './talent-portal.css';

export default function MyApplicationsPage({ side }: { side: Side }) {
  const { t } = useTranslation();
  const calls = useRequest((signal) => listOpenCalls(side, signal), [side]);
  const apps = useRequest((signal) => listOwnApplications(side, signal), [side]);
  const [applying, setApplying] = useState<TCall>();
  if (calls.error || apps.error) return <Alert type="error" showIcon message={errorText(calls.error ?? apps.error)} />;
  if (!calls.data || !apps.data) return <PageSpin />;
  return (
    <div className="talent-portal" data-testid="my-applications">
      <Typography.Title level={4}>
        {side === 'my' ? t('talentPolicies.mine.title') : t('talentPolicies.mine.employerTitle')}
      </Typography.Title>
      <Card size="small" title={t('talentPolicies.mine.openCalls')}>
        <List
          size="small"
          dataSource={calls.data.items}
          locale={{ emptyText: t('talentPolicies.mine.noCalls') }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="apply" size="small" type="primary" onClick={() => setApplying(c)} data-testid={`my-apply-${c.id}`}>
                  {t('talentPolicies.mine.apply')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={c.title} description={t('talentPolicies.mine.closesOn', { date: c.closesOn })} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={side === 'my' ? t('talentPolicies.mine.mine') : t('talentPolicies.mine.employerList')}>
        {apps.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('talentPolicies.mine.none')}</Typography.Text>
        ) : (
          <Collapse
            accordion
            items={apps.data.items.map((a) => ({
              key: a.id,
              label: (
                <Space wrap size={4}>
                  <span>
                    {a.itemName}
                    {side === 'employer' ? ` · ${a.personName}` : ''}
                  </span>
                  <StatusTag status={a.status} />
                </Space>
              ),
              children: <OwnApplication side={side} id={a.id} onChanged={apps.reload} />,
            }))}
          />
        )}
      </Card>
      {applying && (
        <ApplyModal
          side={side}
          call={applying}
          onClose={(done) => {
            setApplying(undefined);
            if (done) apps.reload();
          }}
        />
      )}
    </div>
  );
}

function ApplyModal({ side, call, onClose }: { side: Side; call: TCall; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const staff = useRequest((signal) => (side === 'employer' ? myEmployer(signal) : Promise.resolve(null)), [side]);
  const [form] = Form.useForm<{
    itemId: number;
    personId?: number;
    socialInsuranceMonths?: number;
    incomeTaxMonths?: number;
    contractYears?: number;
    statement?: string;
  }>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await createOwnApplication(side, {
        callId: call.id,
        itemId: v.itemId,
        ...(v.personId ? { personId: v.personId } : {}),
        socialInsuranceMonths: v.socialInsuranceMonths ?? null,
        incomeTaxMonths: v.incomeTaxMonths ?? null,
        contractYears: v.contractYears ?? null,
        statement: v.statement ?? '',
      });
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('talentPolicies.mine.applyTitle', { call: call.title })}
      onOk={save}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" initialValues={{ itemId: call.items[0]?.id }}>
        <Form.Item name="itemId" label={t('talentPolicies.app.item')} rules={[{ required: true }]}>
          <Select options={call.items.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        {side === 'employer' && (
          <Form.Item name="personId" label={t('talentPolicies.mine.staff')} rules={[{ required: true }]}>
            <Select options={staff.data?.staff.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="socialInsuranceMonths" label={t('talentPolicies.app.siMonths')}>
            <InputNumber min={0} max={600} precision={0} inputMode="numeric" data-testid="apply-si" />
          </Form.Item>
          <Form.Item name="incomeTaxMonths" label={t('talentPolicies.app.taxMonths')}>
            <InputNumber min={0} max={600} precision={0} inputMode="numeric" data-testid="apply-tax" />
          </Form.Item>
          <Form.Item name="contractYears" label={t('talentPolicies.app.contractYears')}>
            <InputNumber min={0} max={50} precision={0} inputMode="numeric" />
          </Form.Item>
        </Space>
        <Form.Item name="statement" label={t('talentPolicies.app.statement')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OwnApplication({ side, id, onChanged }: { side: Side; id: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const r = useRequest((signal) => getOwnApplication(side, id, signal), [side, id]);
  const [busy, setBusy] = useState(false);
  const [fix, setFix] = useState<{ si?: number | null; tax?: number | null }>({});
  const [reason, setReason] = useState('');
  if (r.error) return <Alert type="error" showIcon message={errorText(r.error)} />;
  if (!r.data) return <PageSpin />;
  const a = r.data;
  const act = async (fn: () => Promise<TApplication>) => {
    setBusy(true);
    try {
      r.setData(await fn());
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const editable = a.status === 'draft' || a.status === 'returned';
  const last = [...a.steps].reverse().find((s) => s.reason);
  const have = new Set(a.attachments.map((x) => x.kind));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`own-app-${a.id}`}>
      {a.status === 'returned' && last && (
        <Alert type="warning" showIcon message={t('talentPolicies.mine.returnedReason', { reason: last.reason })} />
      )}
      {a.status === 'refused' && last && (
        <Alert type="error" showIcon message={t('talentPolicies.mine.refusedReason', { reason: last.reason })} />
      )}
      {a.amountFen !== null && <Alert type="success" showIcon message={t('talentPolicies.mine.result', { amount: yuan(a.amountFen) })} />}
      <Typography.Text strong>{t('talentPolicies.mine.progress')}</Typography.Text>
      <List
        size="small"
        dataSource={a.steps}
        renderItem={(s) => (
          <List.Item>
            <div>
              <Tag>{lbl(t, 'step', s.step)}</Tag>
              {lbl(t, 'outcome', s.outcome)} · {s.byName} · {s.at.slice(0, 10)}
              {s.reason && <div className="muted">{s.reason}</div>}
            </div>
          </List.Item>
        )}
      />
      <Typography.Text strong>{t('talentPolicies.app.attachments')}</Typography.Text>
      {[...new Set([...a.requiredAttachments, ...a.attachments.map((x) => x.kind)])].map((kind) => (
        <Space key={kind} wrap>
          <span>{kind}</span>
          {have.has(kind) ? (
            <Tag color="green">{t('talentPolicies.mine.uploaded')}</Tag>
          ) : (
            <Tag color="red">{t('talentPolicies.app.missing')}</Tag>
          )}
          {editable && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void act(() => uploadAttachment(side, a.id, kind, file));
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={`upload-${kind}`}>
                {t('talentPolicies.mine.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      ))}
      {editable && <Typography.Text type="secondary">{t('talentPolicies.mine.fileHint')}</Typography.Text>}
      {a.status === 'returned' && (
        // Labelled above the numbers: on a phone a placeholder is gone once a value is there.
        <Space wrap align="end">
          <label className="talent-fix">
            <span className="muted">{t('talentPolicies.app.siMonths')}</span>
            <InputNumber
              min={0}
              max={600}
              precision={0}
              inputMode="numeric"
              defaultValue={a.socialInsuranceMonths ?? undefined}
              onChange={(v) => setFix({ ...fix, si: v })}
              data-testid={`fix-si-${a.id}`}
            />
          </label>
          <label className="talent-fix">
            <span className="muted">{t('talentPolicies.app.taxMonths')}</span>
            <InputNumber
              min={0}
              max={600}
              precision={0}
              inputMode="numeric"
              defaultValue={a.incomeTaxMonths ?? undefined}
              onChange={(v) => setFix({ ...fix, tax: v })}
            />
          </label>
          <Button
            loading={busy}
            onClick={() =>
              act(() =>
                correctOwnApplication(side, a.id, {
                  ...(fix.si !== undefined ? { socialInsuranceMonths: fix.si } : {}),
                  ...(fix.tax !== undefined ? { incomeTaxMonths: fix.tax } : {}),
                }),
              )
            }
          >
            {t('talentPolicies.mine.correct')}
          </Button>
        </Space>
      )}
      <Space wrap>
        {editable && (
          <Button type="primary" loading={busy} onClick={() => act(() => submitOwnApplication(side, a.id))} data-testid={`submit-${a.id}`}>
            {a.status === 'returned' ? t('talentPolicies.mine.resubmit') : t('talentPolicies.mine.submit')}
          </Button>
        )}
        {side === 'employer' && a.status === 'employer_review' && (
          <>
            <Input placeholder={t('talentPolicies.review.reason')} onChange={(e) => setReason(e.target.value)} />
            <Button type="primary" loading={busy} onClick={() => act(() => employerReview(a.id, { outcome: 'pass', reason }))}>
              {t('talentPolicies.mine.pass')}
            </Button>
            <Button loading={busy} disabled={!reason.trim()} onClick={() => act(() => employerReview(a.id, { outcome: 'return', reason }))}>
              {t('talentPolicies.mine.return')}
            </Button>
          </>
        )}
        {['draft', 'returned', 'employer_review', 'district_review'].includes(a.status) && (
          <Button danger loading={busy} onClick={() => act(() => withdrawOwnApplication(side, a.id, ''))}>
            {t('talentPolicies.mine.withdraw')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
