// Registering or editing a talent (talent.write). A Party member or a cadre is looked up by name or pinyin
// initials and linked: their name, sex, birth and identity number then come from that record (the registry's
// writer takes them), so the form hides those fields. Degrees and titles as short lists; a server error naming a
// field is shown on that field.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../../api/client';
import {
  RECRUITMENTS,
  createTalent,
  listDistricts,
  listEmployers,
  searchLinkCandidates,
  updateTalent,
  type TLinkCandidate,
  type TTalent,
  type TTalentCreate,
} from '../../api/talent';
import { GENDERS } from '../../../../domain/member-fields';
import { fromDateString, toDateString } from '../../lib/dates';
import { validValues } from '../../lib/form-values';
import { useRequest } from '../../lib/use-request';

type Link = Pick<TLinkCandidate, 'kind' | 'id' | 'name' | 'sex' | 'born' | 'place'>;
type Values = Omit<TTalentCreate, 'birth' | 'returnedOn' | 'memberId' | 'cadreId'> & {
  birth?: Dayjs;
  returnedOn?: Dayjs;
  status?: 'active' | 'left';
  leftOn?: Dayjs;
};
const DAY = /^$|^\d{4}-\d{2}-\d{2}$/;

const linkOf = (p?: TTalent): Link | null =>
  p?.memberId
    ? { kind: 'member', id: p.memberId, name: p.name, sex: p.sex, born: p.birth?.slice(0, 7) ?? null, place: '' }
    : p?.cadreId
      ? { kind: 'cadre', id: p.cadreId, name: p.name, sex: p.sex, born: p.birth?.slice(0, 7) ?? null, place: '' }
      : null;

export function TalentFormModal({ person, onClose, onSaved }: { person?: TTalent; onClose: () => void; onSaved: (p: TTalent) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [link, setLink] = useState<Link | null>(linkOf(person));
  const [hits, setHits] = useState<TLinkCandidate[]>([]);
  const [busy, setBusy] = useState(false);
  const employers = useRequest((s) => listEmployers(s), []);
  const districts = useRequest((s) => listDistricts(s), []);
  const employerId = Form.useWatch('employerId', form);
  const status = Form.useWatch('status', form);

  const search = async (q: string) => {
    if (!q.trim()) return setHits([]);
    try {
      setHits((await searchLinkCandidates(q.trim())).items);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const { status: st, leftOn, ...rest } = v;
    const body: TTalentCreate = {
      ...rest,
      memberId: link?.kind === 'member' ? link.id : null,
      cadreId: link?.kind === 'cadre' ? link.id : null,
      name: link ? '' : (rest.name ?? ''),
      idNumber: link ? null : rest.idNumber || null,
      birth: link ? null : (toDateString(v.birth) ?? null),
      returnedOn: toDateString(v.returnedOn) ?? null,
      employerId: rest.employerId ?? null,
      districtOrgId: rest.employerId ? null : (rest.districtOrgId ?? null),
      degrees: (rest.degrees ?? []).map((d) => ({ ...d, obtainedOn: d.obtainedOn || null })),
      titles: (rest.titles ?? []).map((x) => ({ ...x, obtainedOn: x.obtainedOn || null })),
    };
    setBusy(true);
    try {
      const saved = person
        ? await updateTalent(person.id, { ...body, status: st ?? 'active', leftOn: toDateString(leftOn) ?? null, version: person.version })
        : await createTalent(body);
      void message.success(t(person ? 'talent.form.updated' : 'talent.form.created'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.field && form.getFieldInstance(e.field as never))
        form.setFields([{ name: e.field as never, errors: [e.message] }]);
      else void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const req = (label: string) => ({ required: true, message: t('talent.form.required', { label }) });
  const initial: Partial<Values> = person
    ? {
        name: person.name,
        sex: person.sex as Values['sex'],
        birth: fromDateString(person.birth),
        idNumber: person.idMasked,
        nationality: person.nationality,
        phone: person.phone,
        email: person.email,
        employerId: person.employerId,
        districtOrgId: person.districtOrgId,
        field: person.field,
        industry: person.industry,
        recruitment: person.recruitment,
        degrees: person.degrees,
        titles: person.titles,
        returnedOn: fromDateString(person.returnedOn),
        status: person.status,
        leftOn: fromDateString(person.leftOn),
      }
    : { recruitment: 'full_time', nationality: '', degrees: [], titles: [] };

  return (
    <Modal
      open
      width={760}
      title={t(person ? 'talent.form.editTitle' : 'talent.form.createTitle')}
      okText={t('talent.form.save')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'talent-form-save' } as never}
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="talent-form">
        <Form.Item label={t('talent.form.link')} extra={t('talent.form.linkHint')}>
          {link ? (
            <Space wrap data-testid="talent-form-linked">
              <Tag color="red">{t(`talent.linked.${link.kind}`)}</Tag>
              <span>{[link.name, link.sex, link.born, link.place].filter(Boolean).join(' · ')}</span>
              <Button size="small" onClick={() => setLink(null)}>
                {t('talent.form.unlink')}
              </Button>
            </Space>
          ) : (
            <Select
              showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
              allowClear
              placeholder={t('talent.form.linkSearch')}
              notFoundContent={null}
              data-testid="talent-form-link"
              value={null}
              onChange={(key: string | null) => {
                const hit = hits.find((h) => `${h.kind}-${h.id}` === key);
                if (hit) setLink(hit);
              }}
              options={hits.map((h) => ({
                value: `${h.kind}-${h.id}`,
                disabled: h.talentId !== null && h.talentId !== person?.id,
                label: (
                  <span data-testid={`link-option-${h.kind}-${h.id}`}>
                    {`${t(`talent.linked.${h.kind}`)} · ${[h.name, h.sex, h.born, h.place].filter(Boolean).join(' · ')}`}
                    {h.talentId !== null && h.talentId !== person?.id && ` (${t('talent.form.alreadyTalent')})`}
                  </span>
                ),
              }))}
            />
          )}
        </Form.Item>
        {!link && (
          <Space wrap align="start">
            <Form.Item
              name="name"
              label={t('talent.col.name')}
              rules={[req(t('talent.col.name')), { max: 30, message: t('talent.form.tooLong', { n: 30 }) }]}
            >
              <Input style={{ width: 160 }} data-testid="talent-form-name" />
            </Form.Item>
            <Form.Item name="sex" label={t('talent.col.sex')}>
              <Select style={{ width: 90 }} allowClear options={GENDERS.map((g) => ({ value: g, label: t(`common.genders.${g}`) }))} />
            </Form.Item>
            <Form.Item name="birth" label={t('talent.col.birth')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="idNumber" label={t('talent.col.idMasked')} rules={[{ max: 18, message: t('talent.form.idLength') }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          </Space>
        )}
        <Space wrap align="start">
          <Form.Item name="employerId" label={t('talent.col.employer')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280 }}
              data-testid="talent-form-employer"
              options={employers.data?.items.map((e) => ({ value: e.id, label: `${e.name} · ${e.districtName}` }))}
            />
          </Form.Item>
          {!employerId && (
            <Form.Item name="districtOrgId" label={t('talent.col.district')} rules={[req(t('talent.col.district'))]}>
              <Select style={{ width: 180 }} options={districts.data?.items.map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="recruitment" label={t('talent.col.recruitment')}>
            <Select style={{ width: 120 }} options={RECRUITMENTS.map((r) => ({ value: r, label: t(`talent.recruitment.${r}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="field" label={t('talent.col.field')} rules={[{ max: 40, message: t('talent.form.tooLong', { n: 40 }) }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="industry" label={t('talent.col.industry')} rules={[{ max: 40, message: t('talent.form.tooLong', { n: 40 }) }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="nationality" label={t('talent.col.nationality')}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="returnedOn" label={t('talent.col.returnedOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="phone"
            label={t('talent.col.phone')}
            rules={[{ pattern: /^$|^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: t('talent.form.phone') }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="email" label={t('talent.col.email')} rules={[{ type: 'email', message: t('talent.form.email') }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <RecordList
          name="degrees"
          label={t('talent.col.degrees')}
          add={t('talent.form.degrees.add')}
          fields={[
            ['level', 80, t('talent.form.degrees.level'), true],
            ['degree', 120, t('talent.form.degrees.degree')],
            ['school', 180, t('talent.form.degrees.school'), true],
            ['obtainedOn', 120, t('talent.form.degrees.obtainedOn')],
          ]}
        />
        <RecordList
          name="titles"
          label={t('talent.col.titles')}
          add={t('talent.form.titles.add')}
          fields={[
            ['title', 180, t('talent.form.titles.title'), true],
            ['level', 90, t('talent.form.titles.level')],
            ['obtainedOn', 120, t('talent.form.titles.obtainedOn')],
          ]}
        />
        {person && (
          <Space wrap align="start">
            <Form.Item name="status" label={t('talent.col.status')}>
              <Select
                style={{ width: 110 }}
                options={(['active', 'left'] as const).map((s) => ({ value: s, label: t(`talent.status.${s}`) }))}
              />
            </Form.Item>
            {status === 'left' && (
              <Form.Item name="leftOn" label={t('talent.form.leftOn')}>
                <DatePicker />
              </Form.Item>
            )}
          </Space>
        )}
      </Form>
    </Modal>
  );
}

/** Degrees or titles: one line per entry, each a few short inputs; dates typed as YYYY-MM-DD. */
function RecordList(props: { name: 'degrees' | 'titles'; label: string; add: string; fields: [string, number, string, boolean?][] }) {
  const { name, label, add: addLabel, fields } = props;
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {items.map((item) => (
            <Space key={item.key} wrap align="start" style={{ display: 'flex', marginTop: 6 }}>
              {fields.map(([f, width, placeholder, required]) => (
                <Form.Item
                  key={f}
                  name={[item.name, f]}
                  style={{ marginBottom: 0 }}
                  rules={[
                    ...(required ? [{ required: true, message: t('talent.form.required', { label: placeholder }) }] : []),
                    ...(f === 'obtainedOn' ? [{ pattern: DAY, message: t('talent.form.day') }] : []),
                  ]}
                >
                  <Input placeholder={placeholder} style={{ width }} />
                </Form.Item>
              ))}
              <MinusCircleOutlined onClick={() => remove(item.name)} />
            </Space>
          ))}
          <div>
            <Button type="link" icon={<PlusOutlined />} onClick={() => add({})}>
              {addLabel}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}
