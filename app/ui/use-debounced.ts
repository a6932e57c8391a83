'use client';

import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `delay` ms: one query per pause in typing, not per key. */
export function useDebounced<T>(value: T, delay = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
