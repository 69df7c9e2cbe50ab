// An organization picker: the tree opened lazily, or search results while the user types.
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '../../../domain/org-kinds';
import type { Id } from '../api/types';
import type { TOrgStatus } from '../api/orgs';
import { OrgTitle } from './org-title';
import { buildTree, useLazyOrgTree } from './use-lazy-org-tree';
import { useOrgSearch } from './use-org-search';

interface Option {
  value: Id;
  title: ReactNode;
  isLeaf: boolean;
  disabled: boolean;
  children?: Option[];
}

export interface OrgTreeSelectProps {
  value?: Id;
  onChange?: (id: Id | undefined) => void;
  /** Shown for the current value until its node has been loaded. */
  valueLabel?: string;
  /** Whether an organization may be picked (e.g. a kind allowed as the new parent). */
  selectable?: (org: { id: Id; kind: OrgKind; status: TOrgStatus }) => boolean;
  /** This node cannot be opened or picked (moving an organization under its own subtree). */
  excludeSubtreeOf?: Id;
  allowClear?: boolean;
  placeholder?: string;
  size?: 'small' | 'middle';
  style?: CSSProperties;
}

export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const tree = useLazyOrgTree(false);
  const search = useOrgSearch();
  const [picked, setPicked] = useState<{ value: Id; label: ReactNode }>();
  const { selectable, excludeSubtreeOf } = props;

  const treeData = useMemo(() => {
    const allowed = (o: { id: Id; kind: OrgKind; status: TOrgStatus }) =>
      o.id !== excludeSubtreeOf && o.status === 'active' && (selectable?.(o) ?? true);
    if (search.query.trim()) {
      return search.hits.map<Option>((h) => ({
        value: h.id,
        title: (
          <span title={h.pathNames}>
            <OrgTitle name={h.name} kind={h.kind} status={h.status} />
          </span>
        ),
        isLeaf: true,
        disabled: !allowed(h),
      }));
    }
    return buildTree<Option>(tree.roots ?? [], tree.children, (o) => ({
      value: o.id,
      title: <OrgTitle name={o.name} kind={o.kind} status={o.status} />,
      isLeaf: o.isLeaf || o.id === excludeSubtreeOf,
      disabled: !allowed(o),
    }));
  }, [search.query, search.hits, tree.roots, tree.children, selectable, excludeSubtreeOf]);

  const label = picked?.value === props.value ? picked?.label : props.valueLabel;
  return (
    <TreeSelect<{ value: Id; label: ReactNode } | undefined>
      style={props.style ?? { width: '100%' }}
      size={props.size}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? t('orgs.pickOrg')}
      labelInValue
      value={props.value === undefined ? undefined : { value: props.value, label: label ?? String(props.value) }}
      treeData={treeData}
      treeLoadedKeys={Object.keys(tree.children).map(Number)}
      loadData={(node) => (search.query.trim() ? Promise.resolve() : tree.loadChildren(node.value as Id))}
      showSearch={{ onSearch: search.setQuery, filterTreeNode: false, searchValue: search.query }}
      notFoundContent={search.loading ? t('common.loading') : t('common.noResult')}
      popupMatchSelectWidth={false}
      listHeight={360}
      styles={{ popup: { root: { minWidth: 320 } } }}
      // The search results stay until the popup has closed, so the list does not change under the selection.
      onOpenChange={(open) => !open && search.setQuery('')}
      onChange={(v) => {
        setPicked(v);
        props.onChange?.(v?.value);
      }}
    />
  );
}
