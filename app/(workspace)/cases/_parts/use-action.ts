'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { problemOf, type ActionProblem } from '../../_actions/problem';

/**
 * One action at a time on a case page: pending while it runs, the server's refusal (with its field
 * messages) when it fails, a confirmation when it succeeds; the page is re-read either way, so it
 * shows the case as it now stands.
 */
export function useCaseAction() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run<T>(action: () => Promise<T>, message: (result: T) => string): Promise<boolean> {
    setPending(true);
    setProblem(null);
    setDone(null);
    try {
      const result = await action();
      setDone(message(result));
      return true;
    } catch (error) {
      setProblem(problemOf(error, t));
      return false;
    } finally {
      setPending(false);
      router.refresh();
    }
  }

  return { pending, problem, done, run, fieldErrors: problem?.fieldErrors ?? {}, clear: () => setProblem(null) };
}
