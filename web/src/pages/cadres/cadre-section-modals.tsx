// Edit modals of the file's sections that are fields (basic, education) or lines (简历). Each sends the
// version it was opened with (a stale edit is refused) and, for reviewed 三龄二历 items, a reason.
import { parseResume } from '../../../../domain/rules/cadre-resume';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../../domain/member-fields';
import { putEducation, putResume, updateCadre, type TCadreBasicUpdate, type TCadreFile, type TResumeLine } from '../../api/cadres';
import { orNull, saveForm } from './save';

export interface SectionModalProps {
  file: TCadreFile;
  onCancel: () => void;
  onSaved: (f: TCadreFile) => void;
}

const TEXT_FIELDS = ['nativePlace', 'birthPlace', 'partyName', 'political', 'health', 'proTitle', 'expertise', 'background'] as const;
const DATE_FIELDS = ['birth', 'partyJoin', 'workStart'] as const;
const IDENTITY = new Set(['name', 'sex', 'birth', 'ethnicity', 'idNumber', 'partyJoin', 'political']);

export function BasicModal({ file, onCancel, onSaved }: SectionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string | number | null>>();
  const f = (k: string) => t(`cadres.fields.${k}` as 'cadres.fields.name');
  const locked = (k: string) => file.memberId !== null && IDENTITY.has(k);
  const submit = async (v: Record<string, string | number | null>) => {
    const body: Record<string, unknown> = { version: file.version };
    const was = file as unknown as Record<string, unknown>;
    for (const k of ['name', 'sex', 'ethnicity', ...TEXT_FIELDS]) if (!locked(k) && (v[k] ?? '') !== (was[k] ?? '')) body[k] = v[k] ?? '';
    for (const k of DATE_FIELDS) if (!locked(k) && orNull(v[k] as string) !== (was[k] ?? null)) body[k] = orNull(v[k] as string);
    if (!locked('idNumber') && v.idNumber) body.idNumber = String(v.idNumber).trim();
    if ((v.grassrootsMonths ?? null) !== file.grassrootsMonths) body.grassrootsMonths = v.grassrootsMonths ?? null;
    if ((v.userId ?? null) !== file.userId) body.userId = v.userId ?? null;
    if (v.reason) body.reason = v.reason;
    const saved = await saveForm(form, message, () => updateCadre(file.id, body as TCadreBasicUpdate));
    if (saved) onSaved(saved);
  };
  return (
    <Modal open width={760} title={t('cadres.tabs.basic')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      {file.memberId !== null && <p className="muted">{t('cadres.memberHint')}</p>}
      <Form form={form} layout="vertical" initialValues={{ ...file, idNumber: '' } as never} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, min: 2 }]}>
              <Input disabled={locked('name')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="sex" label={f('sex')}>
              <Select disabled={locked('sex')} options={GENDERS.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="ethnicity" label={f('ethnicity')}>
              <Input disabled={locked('ethnicity')} />
            </Form.Item>
          </Col>
          {DATE_FIELDS.map((k) => (
            <Col xs={24} sm={8} key={k}>
              <Form.Item name={k} label={f(k)}>
                <Input disabled={locked(k)} placeholder={t('cadres.datePlaceholder')} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} sm={8}>
            <Form.Item name="idNumber" label={f('idNumber')} extra={file.idMasked ?? undefined}>
              <Input disabled={locked('idNumber')} />
            </Form.Item>
          </Col>
          {TEXT_FIELDS.map((k) => (
            <Col xs={24} sm={8} key={k}>
              <Form.Item name={k} label={f(k)}>
                <Input disabled={locked(k)} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} sm={8}>
            <Form.Item name="grassrootsMonths" label={f('grassrootsMonths')}>
              <InputNumber min={0} max={720} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="userId" label={f('userId')}>
              <InputNumber min={1} style={{ width: '100%' }} data-testid="cadre-user-id" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={f('reason')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const EDU_CELLS = ['level', 'degree', 'levelSchool', 'degreeSchool'] as const;

export function EducationModal({ file, onCancel, onSaved }: SectionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async (v: { fullTime: TCadreFile['fullTime']; inService: TCadreFile['inService']; reason?: string }) => {
    const saved = await saveForm(form, message, () =>
      putEducation(file.id, { version: file.version, ...v, reason: v.reason || undefined }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal open width={720} title={t('cadres.tabs.education')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ fullTime: file.fullTime, inService: file.inService }} onFinish={submit}>
        {(['fullTime', 'inService'] as const).map((row) => (
          <Row gutter={12} key={row}>
            <Col span={24}>
              <strong>{t(`cadres.edu.${row}`)}</strong>
            </Col>
            {EDU_CELLS.map((c) => (
              <Col xs={24} sm={c.endsWith('School') ? 12 : 6} key={c}>
                <Form.Item name={[row, c]} label={t(`cadres.edu.${c}`)}>
                  <Input />
                </Form.Item>
              </Col>
            ))}
          </Row>
        ))}
        <Form.Item name="reason" label={t('cadres.fields.reason')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ResumeDraft {
  from: string;
  to: string;
  text: string;
  sub: string;
}
const toRow = (l: TResumeLine): ResumeDraft => ({ from: l.from ?? '', to: l.to ?? '', text: l.text, sub: l.sub.join('\n') });
const toLine = (r: ResumeDraft): TResumeLine => ({
  from: orNull(r.from),
  to: orNull(r.to),
  text: r.text ?? '',
  sub: (r.sub ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean),
});

export function ResumeModal({ file, onCancel, onSaved }: SectionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ lines: ResumeDraft[]; reason?: string }>();
  const submit = async (v: { lines: ResumeDraft[]; reason?: string }) => {
    const saved = await saveForm(form, message, () =>
      putResume(file.id, { version: file.version, lines: (v.lines ?? []).map(toLine), reason: v.reason || undefined }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal open width={900} title={t('cadres.tabs.resume')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ lines: file.resume.map(toRow) }} onFinish={submit}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={12} sm={4}>
                    <Form.Item name={[field.name, 'from']} label={t('cadres.resume.from')}>
                      <Input placeholder="YYYY-MM" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={4}>
                    <Form.Item name={[field.name, 'to']} label={t('cadres.resume.to')}>
                      <Input placeholder={t('cadres.resume.current')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'text']} label={t('cadres.resume.text')}>
                      <Input.TextArea autoSize />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={7}>
                    <Form.Item name={[field.name, 'sub']} label={t('cadres.resume.sub')}>
                      <Input.TextArea autoSize />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={1} style={{ paddingTop: 30 }}>
                    <Button icon={<DeleteOutlined />} type="text" danger onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ from: '', to: '', text: '', sub: '' })}>
                  {t('cadres.resume.add')}
                </Button>
              </Space>
              <Form.Item label={t('cadres.resume.paste')} style={{ marginTop: 12 }} extra={t('cadres.resume.pasteHint')}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  data-testid="cadre-resume-paste"
                  onBlur={(e) => {
                    const text = e.target.value.trim();
                    if (text) form.setFieldsValue({ lines: parseResume(text).map(toRow) });
                  }}
                />
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="reason" label={t('cadres.fields.reason')} style={{ marginTop: 12 }}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
