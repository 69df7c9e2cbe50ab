// New sub-organization (POST /api/orgs) or edit (PATCH, only the changed fields).
import { useState } from 'react';
import { Alert, Button, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ALLOWED_CHILD_KINDS, ORG_KINDS, type OrgKind, type UnitType } from '../../../../domain/org-kinds';
import { ApiError, errorText } from '../../api/client';
import { createOrg, getOrg, updateOrg, type TOrgDetail, type TOrgUpdate } from '../../api/orgs';
import type { Id } from '../../api/types';
import { fromDateString, toDateString } from '../../lib/dates';
import { useRequest } from '../../lib/use-request';
import { OrgFormFields } from './org-form-fields';

interface Values {
  name: string;
  shortName?: string;
  code?: string;
  kind: OrgKind;
  unitType?: UnitType;
  establishedOn?: Dayjs | null;
}

const FIELDS = ['name', 'shortName', 'code', 'kind', 'unitType', 'establishedOn'] as const;

function toFields(v: Values): Required<{ [K in keyof TOrgUpdate]: TOrgUpdate[K] | null }> {
  const text = (s?: string) => (s?.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    shortName: text(v.shortName),
    code: text(v.code),
    kind: v.kind,
    unitType: v.unitType ?? null,
    establishedOn: toDateString(v.establishedOn) ?? null,
  };
}

function valuesOf(org: TOrgDetail): Values {
  return {
    name: org.name,
    shortName: org.shortName ?? undefined,
    code: org.code ?? undefined,
    kind: org.kind,
    unitType: org.unitType ?? undefined,
    establishedOn: fromDateString(org.establishedOn),
  };
}

/** A new organization leaves empty optional fields out rather than sending null. */
function withoutNulls<T extends object>(obj: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

export type OrgFormModalProps = { onCancel: () => void; onSaved: (org: TOrgDetail) => void } & (
  { mode: 'create'; parent: Pick<TOrgDetail, 'id' | 'kind' | 'name'> } | { mode: 'edit'; org: TOrgDetail; parentId: Id | null }
);

export function OrgFormModal(props: OrgFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const editParentId = props.mode === 'edit' ? props.parentId : null;
  // Editing: the kinds allowed under the parent (unknown when the parent is outside the scope).
  const parentReq = useRequest((s) => (editParentId ? getOrg(editParentId, s) : Promise.resolve(null)), [editParentId]);

  const kinds: readonly OrgKind[] =
    props.mode === 'create'
      ? ALLOWED_CHILD_KINDS[props.parent.kind]
      : parentReq.data
        ? [...new Set([props.org.kind, ...ALLOWED_CHILD_KINDS[parentReq.data.kind]])]
        : ORG_KINDS;

  const initial: Partial<Values> = props.mode === 'edit' ? valuesOf(props.org) : kinds.length === 1 ? { kind: kinds[0] } : {};

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const fields = toFields(values);
      if (props.mode === 'create') {
        props.onSaved(await createOrg({ parentId: props.parent.id, ...withoutNulls(fields) }));
      } else {
        // Only what changed is sent; a cleared optional field is sent as null.
        const before = toFields(valuesOf(props.org));
        const patch = Object.fromEntries(FIELDS.filter((f) => fields[f] !== before[f]).map((f) => [f, fields[f]]));
        props.onSaved(Object.keys(patch).length ? await updateOrg(props.org.id, patch) : props.org);
      }
    } catch (e) {
      if (e instanceof ApiError && e.field && (FIELDS as readonly string[]).includes(e.field)) {
        form.setFields([{ name: e.field as keyof Values, errors: [e.message] }]);
      } else setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.mode === 'create' ? t('orgs.form.createTitle', { parent: props.parent.name }) : t('orgs.form.editTitle')}
      onCancel={props.onCancel}
      width={560}
      footer={[
        <Button key="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()} data-testid="org-form-submit">
          {props.mode === 'create' ? t('common.create') : t('common.save')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} initialValues={initial} onFinish={submit}>
        {/* An organization always has a code: it can be changed, not removed. */}
        <OrgFormFields kinds={kinds} codeRequired={props.mode === 'edit'} />
      </Form>
    </Modal>
  );
}
