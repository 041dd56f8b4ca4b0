import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A locally edited copy of a value that is committed after the person stops changing it (a
 * slider being dragged, a number being typed), or at once with `flush`. A new outside value
 * (back/forward, "clear filters") replaces the draft.
 */
export function useDraft<T>(value: T, commit: (value: T) => void, delay = 450) {
  const [draft, setDraft] = useState(value);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const pending = useRef(false);

  useEffect(() => {
    pending.current = false;
    setDraft(value);
  }, [value]);

  useEffect(() => {
    if (!pending.current) return undefined;
    const timer = window.setTimeout(() => {
      // Already committed (flushed on key-up, pointer-up or blur): do not commit twice.
      if (!pending.current) return;
      pending.current = false;
      commitRef.current(draft);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [draft, delay]);

  const change = useCallback((next: T) => {
    pending.current = true;
    setDraft(next);
  }, []);

  const flush = useCallback(
    (next?: T) => {
      const final = next === undefined ? draft : next;
      if (!pending.current && next === undefined) return;
      pending.current = false;
      commitRef.current(final);
    },
    [draft],
  );

  return [draft, change, flush] as const;
}
