// The organization tree in the sider: lazy, follows the open page, refreshed when a page changes it.
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { Alert, Spin, Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router-dom';
import { errorText } from '../api/client';
import type { TOrgNode } from '../api/orgs';
import { useOrgReveal, useOrgsChanged } from './org-events';
import { OrgTitle } from './org-title';
import { buildTree, useLazyOrgTree } from './use-lazy-org-tree';

interface Node extends TreeDataNode {
  key: string;
  children?: Node[];
}

const toNode = (org: TOrgNode): Node => ({
  key: String(org.id),
  title: <OrgTitle name={org.shortName || org.name} kind={org.kind} status={org.status} />,
  isLeaf: org.isLeaf,
});

export function OrgTree() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const match = useMatch('/orgs/:id');
  const tree = useLazyOrgTree(true);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const rootOpened = useRef(false);

  const expand = async (ids: number[]) => {
    try {
      await tree.ensureLoaded(ids);
    } catch {
      return; // a node that vanished meanwhile (moved, out of scope): leave the tree as it is
    }
    setExpanded((prev) => [...new Set([...prev, ...ids.map(String)])]);
    // After the expand motion, bring the open organization into view in the sider.
    setTimeout(() => box.current?.querySelector('.ant-tree-node-selected')?.scrollIntoView({ block: 'nearest' }), 350);
  };

  useOrgsChanged((ids) => void tree.refresh(ids));
  useOrgReveal((ancestors) => void expand(ancestors));

  // A single scope root (the usual case) starts open, once; only a change of roots re-runs this.
  useEffect(() => {
    const only = tree.roots?.length === 1 ? tree.roots[0] : undefined;
    if (only && !only.isLeaf && !rootOpened.current) {
      rootOpened.current = true;
      void expand([only.id]);
    }
  }, [tree.roots]);

  const treeData = useMemo(() => buildTree(tree.roots ?? [], tree.children, toNode), [tree.roots, tree.children]);

  if (tree.error) return <Alert type="error" showIcon title={errorText(tree.error)} />;
  if (!tree.roots) return <Spin size="small" />;
  return (
    <div data-testid="org-tree" ref={box}>
      <Tree<Node>
        blockNode
        treeData={treeData}
        loadedKeys={Object.keys(tree.children)}
        loadData={(node) => tree.loadChildren(Number(node.key))}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={match?.params.id ? [match.params.id] : []}
        onSelect={(_keys, info) => navigate(`/orgs/${info.node.key}`)}
        aria-label={t('nav.orgTree')}
      />
    </div>
  );
}
