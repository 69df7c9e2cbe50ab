// Move an organization under a new parent, picked from the lazily loaded tree.
import { useState } from 'react';
import { Alert, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALLOWED_CHILD_KINDS } from '../../../../domain/org-kinds';
import { errorText } from '../../api/client';
import { moveOrg, type TOrgDetail } from '../../api/orgs';
import type { Id } from '../../api/types';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useLabels } from '../../lib/labels';
import { ancestorsOf } from './org-path';

export interface OrgMoveModalProps {
  org: TOrgDetail;
  onCancel: () => void;
  onMoved: (org: TOrgDetail) => void;
}

export function OrgMoveModal({ org, onCancel, onMoved }: OrgMoveModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [target, setTarget] = useState<Id>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!target) return setError(t('orgs.moveForm.targetRequired'));
    setSaving(true);
    setError(undefined);
    try {
      onMoved(await moveOrg(org.id, target));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.moveForm.title', { name: org.name })}
      okText={t('orgs.move')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onCancel}
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('orgs.moveForm.current')}>
          <Typography.Text>
            {ancestorsOf(org)
              .map((p) => p.name)
              .join(' / ') || '—'}
          </Typography.Text>
        </Form.Item>
        <Form.Item label={t('orgs.moveForm.target')} required extra={t('orgs.moveForm.hint', { kind: labels.kind(org.kind) })}>
          <OrgTreeSelect
            value={target}
            onChange={setTarget}
            excludeSubtreeOf={org.id}
            // Only parents that may hold this kind (domain/org-kinds.ts); the server checks again.
            selectable={(p) => p.id !== org.parentId && ALLOWED_CHILD_KINDS[p.kind].includes(org.kind)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
