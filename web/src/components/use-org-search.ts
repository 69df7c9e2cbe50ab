// Organization search as the user types: debounced, older answers dropped.
import { useEffect, useState } from 'react';
import { searchOrgs, type TOrgSearchHit } from '../api/orgs';

const DEBOUNCE_MS = 300;

export function useOrgSearch() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TOrgSearchHit[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const term = query.trim();
    if (!term) {
      setHits([]);
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      searchOrgs(term, ctrl.signal).then(
        (r) => {
          setHits(r.items);
          setLoading(false);
        },
        () => {
          if (!ctrl.signal.aborted) setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);

  return { query, setQuery, hits, loading };
}
