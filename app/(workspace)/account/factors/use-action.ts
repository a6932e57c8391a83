'use client';

import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { problemOf, type ActionProblem } from '../../_actions/problem';

/** One pending flag and one problem for a small form of the second-factor pages. */
export function useAction() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setPending(true);
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      setProblem(problemOf(error, t));
      return undefined;
    } finally {
      setPending(false);
    }
  }
  return { pending, problem, setProblem, run };
}
