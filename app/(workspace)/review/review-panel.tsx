'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ReviewStatus } from '@/db/schema';
import type { TransitionName } from '@/server/policy/transitions';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { describedBy, LabelledField } from '@/app/ui/field';
import { inputClass, linkClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { Panel } from '@/app/ui/panel';
import { ActionAlert, ActionStatus } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';
import { decidesPublication, PublicPreview } from './public-preview';
import { isPageCtrlEnter } from '../_drafts/shortcuts';

/** The record under review: an incident or a case (server/services/review serves both alike). */
export type ReviewedSubject = { kind: 'incident' | 'case'; id: string };

type Props = { subject: ReviewedSubject; version: number; status: ReviewStatus; publishedVersion: number | null; transitions: TransitionName[] };

/** Where the public reads the record once a version of it is published. */
const publicPageOf = (subject: ReviewedSubject) => `/public/${subject.kind === 'incident' ? 'incidents' : 'cases'}/${subject.id}`;

/** Decisions that need words from the decider: what to change, or why it is retracted. */
type CommentedName = 'requestChanges' | 'retract';
const isCommented = (name: TransitionName): name is CommentedName => name === 'requestChanges' || name === 'retract';
const order: TransitionName[] = ['submit', 'approve', 'publish', 'requestChanges', 'retract'];

/**
 * The review status and the decisions this viewer may take now, for an incident or a case. Which
 * decisions those are comes from the server (incident.get / case.get → transitions, the same policy
 * that checks each decision); each decision names the version it was taken on, so a decision on a
 * version someone has since changed is refused. Once a version is public, a link leads to its public page.
 */
export function ReviewPanel({ subject, version, status, publishedVersion, transitions }: Props) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [pending, setPending] = useState<TransitionName | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // An edit of a published record is pending: a retraction takes only the published version off the public side.
  const pendingEdit = publishedVersion !== null && status !== 'published';

  // Read by the keyboard shortcut, which must not submit twice while the first one is on its way.
  const busy = useRef(false);

  async function decide(name: TransitionName, comment?: string): Promise<boolean> {
    busy.current = true;
    setPending(name);
    setProblem(null);
    setDone(null);
    try {
      // Incidents are decided through the review router, cases through theirs; both reach the one workflow.
      const procedures = subject.kind === 'incident' ? client.review : client.case;
      const input = { id: subject.id, version };
      if (name === 'submit') await procedures.submit.mutate(input);
      else if (name === 'approve') await procedures.approve.mutate(input);
      else if (name === 'publish') await procedures.publish.mutate(input);
      else if (name === 'requestChanges') await procedures.requestChanges.mutate({ ...input, comment: comment ?? '' });
      else await procedures.retract.mutate({ ...input, comment: comment ?? '' });
      setDone(t(name === 'retract' && pendingEdit ? 'review.done.retractPublished' : `review.done.${name}`));
      return true;
    } catch (error) {
      setProblem(problemOf(error, t));
      return false;
    } finally {
      busy.current = false;
      setPending(null);
      // Either way the page shows the record as it now stands, with the decisions now open.
      router.refresh();
    }
  }

  // Ctrl+Enter (Cmd+Enter) on the page submits for review, as the form's Ctrl+Enter saved it: the
  // monitor's next step after saving, without finding the button. Not from inside a form or a field.
  const canSubmit = transitions.includes('submit');
  const decideNow = useRef(decide);
  decideNow.current = decide;
  useEffect(() => {
    if (!canSubmit) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPageCtrlEnter(event) || busy.current) return;
      event.preventDefault();
      void decideNow.current('submit');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [canSubmit]);

  const available = order.filter((name) => transitions.includes(name));
  const plain = available.filter((name) => !isCommented(name));
  const withComment = available.filter(isCommented);

  return (
    <Panel id="review-heading" heading={t('review.heading')}>
      {/* One sentence, not a second badge: the page header already shows the status as a badge. */}
      <p className="mt-2 text-slate-800">{t('review.statusLine', { status: t(`status.${status}`), n: version })}</p>
      {pendingEdit ? <p className="mt-1 text-slate-800">{t('review.publicVersion', { n: publishedVersion })}</p> : null}
      {publishedVersion !== null ? (
        <p className="mt-1">
          <a href={publicPageOf(subject)} className={linkClass}>
            {t('review.publicPage')}
          </a>
        </p>
      ) : null}
      <div className="mt-3 space-y-3">
        <ActionAlert problem={problem} heading={t('review.refused')} />
        <ActionStatus message={done} />
      </div>
      {available.length === 0 ? (
        <p className="mt-3 text-slate-700">{t(`review.nothingFor.${status}`)}</p>
      ) : (
        <>
          {plain.length > 0 ? (
            <div className="mt-4 flex flex-wrap gap-3">
              {plain.map((name) => (
                <button
                  key={name}
                  type="button"
                  disabled={pending !== null}
                  onClick={() => void decide(name)}
                  aria-keyshortcuts={name === 'submit' ? 'Control+Enter Meta+Enter' : undefined}
                  className={name === 'submit' || name === 'approve' ? primaryButtonClass : secondaryButtonClass}
                >
                  {pending === name ? t('review.working') : t(`review.action.${name}`)}
                </button>
              ))}
            </div>
          ) : null}
          {canSubmit ? <p className="mt-2 text-sm text-slate-600">{t('review.submitShortcut')}</p> : null}
          {withComment.map((name) => (
            <CommentedDecision
              key={name}
              name={name}
              hint={name === 'retract' && pendingEdit ? t('review.commentHint.retractPublished', { n: publishedVersion }) : t(`review.commentHint.${name}`)}
              pending={pending}
              onDecide={(comment) => decide(name, comment)}
            />
          ))}
        </>
      )}
      {/* The deciding reviewer reads what the public will read before approving or publishing. */}
      {transitions.some(decidesPublication) ? <PublicPreview kind={subject.kind} id={subject.id} /> : null}
    </Panel>
  );
}

function CommentedDecision({
  name,
  hint,
  pending,
  onDecide,
}: {
  name: CommentedName;
  hint: string;
  pending: TransitionName | null;
  onDecide: (comment: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment.trim()) {
      setError(t(`review.commentRequired.${name}`));
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    if (await onDecide(comment.trim())) setComment('');
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 border-t border-slate-200 pt-4">
      <LabelledField id={`${id}-comment`} label={t(`review.commentLabel.${name}`)} hint={hint} error={error} required>
        <textarea
          ref={textareaRef}
          id={`${id}-comment`}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={3}
          maxLength={5000}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-comment`, true, error)}
          className={`${inputClass} mt-2`}
        />
      </LabelledField>
      <button type="submit" disabled={pending !== null} className={`${secondaryButtonClass} mt-3`}>
        {pending === name ? t('review.working') : t(`review.action.${name}`)}
      </button>
    </form>
  );
}
