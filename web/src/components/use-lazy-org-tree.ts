// The organization tree as the user opens it: the scope roots, then children fetched per node.
// Shared by the sider tree and the organization pickers (TreeSelect).
import { useCallback, useEffect, useRef, useState } from 'react';
import { getOrgChildren, getOrgRoots, type TOrgNode } from '../api/orgs';
import type { Id } from '../api/types';

export interface LazyOrgTree {
  roots: TOrgNode[] | undefined;
  /** Loaded children by parent id; a parent missing here has not been opened yet. */
  children: Record<string, TOrgNode[]>;
  error: unknown;
  loadChildren: (id: Id) => Promise<void>;
  /** Loads each of these nodes' children unless already loaded, in order (for revealing a path). */
  ensureLoaded: (ids: Id[]) => Promise<void>;
  /** Re-fetches the children of those of these nodes that are loaded, and the roots if one is a root. */
  refresh: (ids: Id[]) => Promise<void>;
}

export function useLazyOrgTree(includeDissolved: boolean): LazyOrgTree {
  const [roots, setRoots] = useState<TOrgNode[]>();
  const [children, setChildren] = useState<Record<string, TOrgNode[]>>({});
  const [error, setError] = useState<unknown>();
  const state = useRef({ roots, children });
  state.current = { roots, children };

  const loadRoots = useCallback(async () => {
    try {
      setRoots((await getOrgRoots()).items);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  const loadChildren = useCallback(
    async (id: Id) => {
      const { items } = await getOrgChildren(id, includeDissolved);
      setChildren((prev) => ({ ...prev, [id]: items }));
      state.current.children = { ...state.current.children, [id]: items };
    },
    [includeDissolved],
  );

  const ensureLoaded = useCallback(
    async (ids: Id[]) => {
      for (const id of ids) {
        if (!state.current.children[id]) await loadChildren(id);
      }
    },
    [loadChildren],
  );

  const refresh = useCallback(
    async (ids: Id[]) => {
      const loaded = ids.filter((id) => state.current.children[id]);
      const isRoot = ids.some((id) => state.current.roots?.some((r) => r.id === id));
      await Promise.all([...loaded.map(loadChildren), isRoot ? loadRoots() : Promise.resolve()]);
    },
    [loadChildren, loadRoots],
  );

  return { roots, children, error, loadChildren, ensureLoaded, refresh };
}

/** Builds a nested tree from the flat state, with a node shape chosen by the caller. */
export function buildTree<T extends { children?: T[] }>(
  nodes: TOrgNode[],
  children: Record<string, TOrgNode[]>,
  make: (org: TOrgNode) => T,
): T[] {
  return nodes.map((org) => {
    const node = make(org);
    const kids = children[org.id];
    return kids ? { ...node, children: buildTree(kids, children, make) } : node;
  });
}
