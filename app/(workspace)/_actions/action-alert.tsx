'use client';

import { useEffect, useRef } from 'react';
import type { ActionProblem } from './problem';

/**
 * A refused or failed action: announced to screen readers as it appears, and focused, so that a
 * keyboard user who pressed the button lands on the explanation.
 */
export function ActionAlert({ problem, heading }: { problem: ActionProblem | null; heading: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="rounded-lg border border-red-700 bg-red-50 p-4 text-red-950 focus:outline-2 focus:outline-red-700">
      <p className="font-semibold">{heading}</p>
      <p className="mt-1">{problem.message}</p>
    </div>
  );
}

/** A completed action, announced politely. The live region stays in the page so that its change is heard. */
export function ActionStatus({ message }: { message: string | null }) {
  return (
    <div role="status">
      {message ? <p className="rounded-lg border border-green-700 bg-green-50 p-3 text-green-950">{message}</p> : null}
    </div>
  );
}
