'use client';

import { type FormEvent, useState } from 'react';
import type { ReviewStatus } from '@/db/schema';
import type { TransitionName } from '@/server/policy/transitions';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { StatusBadge } from '@/app/ui/status-badge';
import { fieldsetClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { decidesPublication, PublicPreview } from '../../review/public-preview';
import { Field } from './fields';
import { useCaseAction } from './use-action';

const order: TransitionName[] = ['submit', 'approve', 'publish', 'requestChanges', 'retract'];
const needsComment = (name: TransitionName) => name === 'requestChanges' || name === 'retract';

/**
 * The case's review state and the decisions this viewer may take now, as the server's policy says
 * (case.get → transitions). Each decision names the version it was taken on.
 */
export function CaseReviewPanel({
  caseId,
  version,
  status,
  publishedVersion,
  transitions,
}: {
  caseId: string;
  version: number;
  status: ReviewStatus;
  publishedVersion: number | null;
  transitions: TransitionName[];
}) {
  const { t } = useI18n();
  // An edit of a published case is pending: a retraction takes only the published version off the public side.
  const pendingEdit = publishedVersion !== null && status !== 'published';
  const client = useTRPCClient();
  const action = useCaseAction();
  const [commenting, setCommenting] = useState<TransitionName | null>(null);
  const [comment, setComment] = useState('');

  const decide = (name: TransitionName) => {
    const input = { id: caseId, version };
    return action.run(
      () => {
        if (name === 'submit') return client.case.submit.mutate(input);
        if (name === 'approve') return client.case.approve.mutate(input);
        if (name === 'publish') return client.case.publish.mutate(input);
        if (name === 'requestChanges') return client.case.requestChanges.mutate({ ...input, comment });
        return client.case.retract.mutate({ ...input, comment });
      },
      () => t(name === 'retract' && pendingEdit ? 'cases.review.done.retractPublished' : `cases.review.done.${name}`),
    );
  };

  async function onComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (commenting && (await decide(commenting))) {
      setCommenting(null);
      setComment('');
    }
  }

  const available = order.filter((name) => transitions.includes(name));
  return (
    <section aria-labelledby="case-review-heading" className={fieldsetClass}>
      <h2 id="case-review-heading" className="text-lg font-semibold">
        {t('cases.review.heading')}
      </h2>
      <p className="mt-2 flex items-center gap-2">
        {t('cases.review.state')} <StatusBadge status={status} t={t} />
      </p>
      {pendingEdit ? <p className="mt-1 text-slate-800">{t('cases.review.publicVersion', { n: publishedVersion })}</p> : null}
      <div className="mt-3 space-y-3">
        <ActionAlert problem={action.problem} heading={t('cases.review.notDone')} />
        <ActionStatus message={action.done} />
        {available.length === 0 ? <p className="text-slate-700">{t('cases.review.nothing')}</p> : null}
        <div className="flex flex-wrap gap-3">
          {available.map((name) => (
            <button
              key={name}
              type="button"
              className={name === 'submit' || name === 'approve' || name === 'publish' ? primaryButtonClass : secondaryButtonClass}
              disabled={action.pending}
              aria-expanded={needsComment(name) ? commenting === name : undefined}
              onClick={() => (needsComment(name) ? setCommenting(commenting === name ? null : name) : void decide(name))}
            >
              {t(`cases.review.${name}`)}
            </button>
          ))}
        </div>
        {commenting ? (
          <form noValidate onSubmit={onComment} className="space-y-3">
            <Field
              id="case-review-comment"
              label={t(`review.commentLabel.${commenting === 'retract' ? 'retract' : 'requestChanges'}`)}
              hint={commenting === 'retract' && pendingEdit ? t('cases.review.retractPublishedHint', { n: publishedVersion }) : undefined}
              required
              multiline
              value={comment}
              error={action.fieldErrors.comment}
              onChange={setComment}
            />
            <button type="submit" className={primaryButtonClass} disabled={action.pending}>
              {t(`cases.review.${commenting}`)}
            </button>
          </form>
        ) : null}
      </div>
      {/* The deciding reviewer reads what the public will read before approving or publishing. */}
      {transitions.some(decidesPublication) ? <PublicPreview kind="case" id={caseId} /> : null}
    </section>
  );
}
