// An organization's name with a small tag for its kind; a dissolved one is greyed and struck through.
import { Tag } from 'antd';
import type { OrgKind } from '../../../domain/org-kinds';
import type { TOrgStatus } from '../api/orgs';
import { useLabels } from '../lib/labels';

const KIND_COLORS: Partial<Record<OrgKind, string>> = {
  city_committee: 'red',
  county_committee: 'volcano',
  township_committee: 'orange',
  party_committee: 'gold',
  general_branch: 'cyan',
  branch: 'blue',
  joint_branch: 'geekblue',
  temporary_branch: 'purple',
};

export function KindTag({ kind }: { kind: OrgKind }) {
  const labels = useLabels();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined">
      {labels.kind(kind)}
    </Tag>
  );
}

export function OrgTitle({ name, kind, status }: { name: string; kind: OrgKind; status: TOrgStatus }) {
  const dissolved = status === 'dissolved';
  return (
    <span className={dissolved ? 'org-title dissolved' : 'org-title'}>
      <span>{name}</span>
      <KindTag kind={kind} />
    </span>
  );
}
