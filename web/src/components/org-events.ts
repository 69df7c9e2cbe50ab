// Organization pages tell the sider tree what changed, without the two knowing each other.
import { useEffect, useRef } from 'react';
import type { Id } from '../api/types';

const bus = new EventTarget();
const CHANGED = 'orgs-changed';
const REVEAL = 'org-reveal';

/** The children of these organizations changed (create, move, dissolve, rename of a child). */
export function notifyOrgsChanged(ids: (Id | null | undefined)[]): void {
  const list = ids.filter((id): id is Id => id !== null && id !== undefined);
  bus.dispatchEvent(new CustomEvent<Id[]>(CHANGED, { detail: list }));
}

/** Expand the tree down to an organization: its ancestors, root first. */
export function revealOrg(ancestorIds: Id[]): void {
  bus.dispatchEvent(new CustomEvent<Id[]>(REVEAL, { detail: ancestorIds }));
}

function useBus(type: string, listener: (ids: Id[]) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    const handler = (e: Event) => ref.current((e as CustomEvent<Id[]>).detail);
    bus.addEventListener(type, handler);
    return () => bus.removeEventListener(type, handler);
  }, [type]);
}

export const useOrgsChanged = (listener: (ids: Id[]) => void) => useBus(CHANGED, listener);
export const useOrgReveal = (listener: (ids: Id[]) => void) => useBus(REVEAL, listener);
