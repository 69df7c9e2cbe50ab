// Edit modals of the file's row sections: ranks, rewards and punishments, assessments and family
// (one list editor driven by a column list, the whole list saved at once), the appointment of a post
// with its 任职时间 and 文号, its removal, and the 三龄二历 confirmation of one item.
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_GRADES, LEVELS, type ReviewItem } from '../../../../domain/cadre-codes';
import {
  addAppointment,
  endAppointment,
  putAssessments,
  putFamily,
  putRanks,
  putRewards,
  reviewItem,
  type TAppointment,
  type TCadreFile,
} from '../../api/cadres';
import type { SectionModalProps } from './cadre-section-modals';
import { orNull, saveForm } from './save';

type Kind = 'text' | 'date' | 'month' | 'bool' | 'number' | { options: readonly string[] };
interface Column {
  key: string;
  label: string;
  kind: Kind;
  span: number;
  required?: boolean;
}

export type ListSection = 'ranks' | 'rewards' | 'assessments' | 'family';

function useColumns(section: ListSection): Column[] {
  const { t } = useTranslation();
  const r = (k: string) => t(`cadres.rank.${k}` as 'cadres.rank.title');
  const w = (k: string) => t(`cadres.reward.${k}` as 'cadres.reward.kind');
  const a = (k: string) => t(`cadres.assessment.${k}` as 'cadres.assessment.year');
  const fa = (k: string) => t(`cadres.family.${k}` as 'cadres.family.name');
  switch (section) {
    case 'ranks':
      return [
        { key: 'title', label: r('title'), kind: 'text', span: 6, required: true },
        { key: 'level', label: r('level'), kind: { options: LEVELS }, span: 4 },
        { key: 'decidedOn', label: r('decidedOn'), kind: 'date', span: 5, required: true },
        { key: 'docNo', label: r('docNo'), kind: 'text', span: 4 },
        { key: 'endedOn', label: r('endedOn'), kind: 'date', span: 4 },
      ];
    case 'rewards':
      return [
        { key: 'kind', label: w('kind'), kind: { options: ['reward', 'punishment'] }, span: 3, required: true },
        { key: 'onDate', label: w('onDate'), kind: 'date', span: 4 },
        { key: 'text', label: w('text'), kind: 'text', span: 8, required: true },
        { key: 'onForm', label: w('onForm'), kind: 'bool', span: 4 },
        { key: 'until', label: w('until'), kind: 'date', span: 4 },
      ];
    case 'assessments':
      return [
        { key: 'year', label: a('year'), kind: 'number', span: 5, required: true },
        { key: 'grade', label: a('grade'), kind: { options: ASSESSMENT_GRADES }, span: 6, required: true },
        { key: 'note', label: a('note'), kind: 'text', span: 12 },
      ];
    case 'family':
      return [
        { key: 'relation', label: fa('relation'), kind: 'text', span: 3, required: true },
        { key: 'name', label: fa('name'), kind: 'text', span: 3, required: true },
        { key: 'birth', label: fa('birth'), kind: 'month', span: 3 },
        { key: 'political', label: fa('political'), kind: 'text', span: 3 },
        { key: 'workPost', label: fa('workPost'), kind: 'text', span: 5 },
        { key: 'deceased', label: fa('deceased'), kind: 'bool', span: 2 },
        { key: 'abroadCountry', label: fa('abroadCountry'), kind: 'text', span: 2 },
        { key: 'abroadStatus', label: fa('abroadStatus'), kind: 'text', span: 2 },
      ];
  }
}

const SAVE = { ranks: putRanks, rewards: putRewards, assessments: putAssessments, family: putFamily } as const;

/** One cell's input; Form.Item hands it value/checked and onChange, passed on to the real input. */
function Cell({ kind, label, ...io }: { kind: Kind; label: string; value?: unknown; checked?: boolean; onChange?: (v: unknown) => void }) {
  const { t } = useTranslation();
  const p = io as Record<string, never>;
  if (kind === 'bool') return <Checkbox {...p}>{label}</Checkbox>;
  if (kind === 'number') return <InputNumber min={1950} max={2100} style={{ width: '100%' }} {...p} />;
  if (kind === 'date') return <Input placeholder={t('cadres.dayPlaceholder')} {...p} />;
  if (kind === 'month') return <Input placeholder={t('cadres.datePlaceholder')} {...p} />;
  if (kind === 'text') return <Input {...p} />;
  return (
    <Select
      {...p}
      options={kind.options.map((o) => ({ value: o, label: o === 'reward' || o === 'punishment' ? t(`cadres.reward.${o}`) : o }))}
    />
  );
}

/** The rows as the API wants them: empty optional cells as null, booleans as booleans. */
function clean(cols: Column[], rows: Record<string, unknown>[]) {
  return rows.map((row) =>
    Object.fromEntries(
      cols.map((c) => {
        const v = row[c.key];
        if (c.kind === 'bool') return [c.key, !!v];
        if (c.kind === 'number') return [c.key, v ?? null];
        if (c.kind === 'date' || c.kind === 'month' || (typeof c.kind === 'object' && !c.required)) return [c.key, orNull(v as string)];
        if (['abroadCountry', 'abroadStatus'].includes(c.key)) return [c.key, orNull(v as string)];
        return [c.key, (v as string | undefined) ?? ''];
      }),
    ),
  );
}

export function ListModal({ file, section, onCancel, onSaved }: SectionModalProps & { section: ListSection }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Record<string, unknown>[] }>();
  const cols = useColumns(section);
  const blank = Object.fromEntries(
    cols.map((c) => [c.key, c.kind === 'bool' ? c.key === 'onForm' : c.key === 'kind' ? 'reward' : undefined]),
  );
  const submit = async (v: { items?: Record<string, unknown>[] }) => {
    const body = { version: file.version, items: clean(cols, v.items ?? []) } as never;
    const saved = await saveForm(form, message, () => SAVE[section](file.id, body));
    if (saved) onSaved(saved);
  };
  return (
    <Modal open width={1000} title={t(`cadres.tabs.${section}`)} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ items: file[section] }} onFinish={submit}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top" data-testid={`cadre-${section}-row`}>
                  {cols.map((c) => (
                    <Col xs={24} sm={c.span} key={c.key}>
                      <Form.Item
                        name={[field.name, c.key]}
                        label={c.kind === 'bool' ? ' ' : c.label}
                        valuePropName={c.kind === 'bool' ? 'checked' : 'value'}
                        rules={c.required ? [{ required: true }] : undefined}
                      >
                        <Cell kind={c.kind} label={c.label} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={24} sm={1} style={{ paddingTop: 30 }}>
                    <Button icon={<DeleteOutlined />} type="text" danger onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(blank)} data-testid={`cadre-${section}-add`}>
                {t('cadres.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function AppointmentModal({ file, onCancel, onSaved }: SectionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const l = (k: string) => t(`cadres.appointment.${k}` as 'cadres.appointment.title');
  const submit = async (v: Record<string, string | boolean | undefined>) => {
    const saved = await saveForm(form, message, () =>
      addAppointment(file.id, {
        version: file.version,
        title: String(v.title ?? ''),
        level: (v.level as (typeof LEVELS)[number] | undefined) ?? null,
        principal: !!v.principal,
        concurrent: !!v.concurrent,
        decidedOn: String(v.decidedOn ?? ''),
        docNo: String(v.docNo ?? ''),
        probationUntil: orNull(v.probationUntil as string),
      }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal open title={l('add')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={l('title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="level" label={l('level')}>
              <Select allowClear options={LEVELS.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decidedOn" label={l('decidedOn')} extra={l('decidedOnHint')} rules={[{ required: true }]}>
              <Input placeholder={t('cadres.dayPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="docNo" label={l('docNo')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="probationUntil" label={l('probationUntil')}>
              <Input placeholder={t('cadres.dayPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="principal" valuePropName="checked">
              <Checkbox>{l('principal')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="concurrent" valuePropName="checked">
              <Checkbox>{l('concurrent')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export function EndAppointmentModal({ file, appointment, onCancel, onSaved }: SectionModalProps & { appointment: TAppointment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const l = (k: string) => t(`cadres.appointment.${k}` as 'cadres.appointment.title');
  const submit = async (v: Record<string, string | undefined>) => {
    const saved = await saveForm(form, message, () =>
      endAppointment(file.id, appointment.id, {
        version: file.version,
        endedOn: v.endedOn ?? '',
        endDocNo: orNull(v.endDocNo),
        endReason: orNull(v.endReason),
      }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal open title={`${l('end')}：${appointment.title}`} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="endedOn" label={l('endedOn')} rules={[{ required: true }]}>
          <Input placeholder={t('cadres.dayPlaceholder')} />
        </Form.Item>
        <Form.Item name="endDocNo" label={l('endDocNo')}>
          <Input />
        </Form.Item>
        <Form.Item name="endReason" label={l('endReason')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReviewModal({ file, item, onCancel, onSaved }: SectionModalProps & { item: ReviewItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ source: string; note?: string }>();
  const submit = async (v: { source: string; note?: string }) => {
    const saved = await saveForm(form, message, () => reviewItem(file.id, { item, source: v.source, note: v.note ?? '' }));
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open
      title={`${t('cadres.review.confirm')}：${t(`cadres.review.items.${item}`)}`}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="source" label={t('cadres.review.source')} rules={[{ required: true }]}>
          <Input placeholder={t('cadres.review.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('cadres.review.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export type { TCadreFile };
