// The actions on an organization the user's roles allow: edit, move, dissolve.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../../domain/permissions';
import type { Id } from '../../api/types';
import type { TOrgDetail } from '../../api/orgs';
import { revealOrg } from '../../components/org-events';
import { OrgDissolveModal } from './org-dissolve-modal';
import { OrgFormModal } from './org-form-modal';
import { OrgMoveModal } from './org-move-modal';
import { ancestorsOf } from './org-path';

export interface OrgActionsProps {
  org: TOrgDetail;
  roles: readonly Role[];
  onChanged: (updated: TOrgDetail, touched: (Id | null)[]) => void;
}

export function OrgActions({ org, roles, onChanged }: OrgActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'move' | 'dissolve' | null>(null);
  const close = () => setOpen(null);
  // The root of the user's own scope cannot be moved or dissolved by them: its parent is out of reach.
  const scopeRoot = ancestorsOf(org).length === 0;

  return (
    <Space>
      {can(roles, 'org.update') && (
        <Button icon={<EditOutlined />} onClick={() => setOpen('edit')} data-testid="org-edit">
          {t('common.edit')}
        </Button>
      )}
      {can(roles, 'org.move') && !scopeRoot && (
        <Button icon={<DragOutlined />} onClick={() => setOpen('move')} data-testid="org-move">
          {t('orgs.move')}
        </Button>
      )}
      {can(roles, 'org.dissolve') && !scopeRoot && (
        <Button danger icon={<DeleteOutlined />} onClick={() => setOpen('dissolve')} data-testid="org-dissolve">
          {t('orgs.dissolve')}
        </Button>
      )}
      {open === 'edit' && (
        <OrgFormModal
          mode="edit"
          org={org}
          parentId={org.parentId}
          onCancel={close}
          onSaved={(updated) => {
            close();
            onChanged(updated, [org.parentId, org.id]);
          }}
        />
      )}
      {open === 'move' && (
        <OrgMoveModal
          org={org}
          onCancel={close}
          onMoved={(updated) => {
            close();
            onChanged(updated, [org.parentId, updated.parentId]);
            revealOrg(ancestorsOf(updated).map((p) => p.id));
          }}
        />
      )}
      {open === 'dissolve' && (
        <OrgDissolveModal
          org={org}
          onCancel={close}
          onDissolved={(updated) => {
            close();
            onChanged(updated, [org.parentId]);
          }}
        />
      )}
    </Space>
  );
}
