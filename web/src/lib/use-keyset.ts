// A list read page by page with the server's keyset cursor ("加载更多"), restarted when the filter changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TPage } from '../api/types';

export interface KeysetList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Puts a changed row in place (or first, when it is new) without reading the list again. */
  upsert: (row: T) => void;
}

export function useKeyset<T extends { id: unknown }, F>(
  fetchPage: (filter: F, cursor?: string) => Promise<TPage<T>>,
  filter: F,
): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Answers of an older filter (or reload) are dropped.
  const current = useRef(0);
  const filterKey = JSON.stringify(filter);

  const load = useCallback((f: F, after: string | undefined, ticket: number) => {
    setLoading(true);
    setError(undefined);
    fetchRef.current(f, after).then(
      (page) => {
        if (ticket !== current.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== current.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    const ticket = ++current.current;
    setItems([]);
    setCursor(null);
    load(JSON.parse(filterKey) as F, undefined, ticket);
  }, [filterKey, generation, load]);

  const loadMore = useCallback(() => {
    if (cursor) load(JSON.parse(filterKey) as F, cursor, current.current);
  }, [cursor, filterKey, load]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const upsert = useCallback((row: T) => {
    setItems((prev) => (prev.some((r) => r.id === row.id) ? prev.map((r) => (r.id === row.id ? row : r)) : [row, ...prev]));
  }, []);

  return { items, loading, error, hasMore: cursor !== null, loadMore, reload, upsert };
}
