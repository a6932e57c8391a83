'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { MessageKey, Translate } from '@/common/i18n';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { describedBy, LabelledField } from '@/app/ui/field';
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { Panel } from '@/app/ui/panel';
import { caseCommentFields, incidentFields } from '@/common/record-fields';
import type { listComments } from '@/server/services/review/comments';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

/** A comment as both discussions list it (server/services/review/comments.ts, one for incidents and cases alike). */
export type Comment = Awaited<ReturnType<typeof listComments>>[number];

/** What the discussion is about: an incident or a case of the viewer's organization. */
type Subject = { incidentId: string; caseId?: never } | { caseId: string; incidentId?: never };

/**
 * The parts of the record a comment may point at, with their names in the users' words: `fields`
 * are those a comment shows as its subject, `choices` those the form offers.
 */
function partsOf(subject: Subject, t: Translate) {
  if (subject.caseId !== undefined) {
    return {
      fields: caseCommentFields as readonly string[],
      choices: caseCommentFields as readonly string[],
      label: (field: string) => t(`cases.history.field.${field}` as MessageKey),
      question: t('comments.fieldLabelCase'),
      whole: t('comments.wholeCase'),
    };
  }
  return {
    fields: incidentFields as readonly string[],
    // An incident's review status is the workflow's, not a part to discuss.
    choices: incidentFields.filter((name) => name !== 'status') as readonly string[],
    label: (field: string) => t(`field.${field}` as MessageKey),
    question: t('comments.fieldLabel'),
    whole: t('comments.wholeIncident'),
  };
}

/**
 * The discussion on an incident or a case among its organization: comments oldest first, each reply
 * indented under the comment it answers, optionally pointing at one part of the record.
 */
export function CommentThread({ comments, ...subject }: Subject & { comments: Comment[] }) {
  const { t } = useI18n();
  const children = new Map<number | null, Comment[]>();
  const ids = new Set(comments.map((c) => c.id));
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const roots = children.get(null) ?? [];

  return (
    <Panel
      id="comments-heading"
      heading={
        <>
          {t('comments.heading')} <span className="font-normal text-slate-600">({comments.length})</span>
        </>
      }
    >
      {roots.length === 0 ? (
        <p className="mt-3 text-slate-600">{t('comments.none')}</p>
      ) : (
        <CommentList comments={roots} replies={children} subject={subject} depth={0} />
      )}
      <div className="mt-6 border-t border-slate-200 pt-4">
        <h3 className="font-semibold">{t('comments.addHeading')}</h3>
        <CommentForm subject={subject} parent={null} />
      </div>
    </Panel>
  );
}

function CommentList({
  comments,
  replies,
  subject,
  depth,
}: {
  comments: Comment[];
  replies: Map<number | null, Comment[]>;
  subject: Subject;
  depth: number;
}) {
  return (
    <ol className={depth === 0 ? 'mt-3 space-y-4' : 'mt-3 space-y-3 border-l-2 border-slate-300 pl-4 sm:pl-6'}>
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem comment={comment} subject={subject} />
          {replies.get(comment.id)?.length ? (
            <CommentList comments={replies.get(comment.id)!} replies={replies} subject={subject} depth={depth + 1} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function CommentItem({ comment, subject }: { comment: Comment; subject: Subject }) {
  const { locale, t } = useI18n();
  const parts = partsOf(subject, t);
  const [replying, setReplying] = useState(false);
  const createdAt = new Date(comment.createdAt);
  return (
    <article aria-label={t('comments.by', { name: comment.author.name })} className="rounded-md bg-slate-50 p-3">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{comment.author.name}</span>
        {' · '}
        <time dateTime={createdAt.toISOString()}>{formatMoment(createdAt, locale)}</time>
        {comment.field && parts.fields.includes(comment.field) ? (
          <>
            {' · '}
            <span className="rounded border border-slate-400 bg-white px-1.5 py-0.5 text-xs font-medium">
              {t('comments.about', { field: parts.label(comment.field) })}
            </span>
          </>
        ) : null}
      </p>
      <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
      {replying ? (
        <CommentForm subject={subject} parent={comment} onClose={() => setReplying(false)} />
      ) : (
        <button
          type="button"
          onClick={() => setReplying(true)}
          aria-label={t('comments.replyTo', { name: comment.author.name })}
          className="mt-2 text-sm font-medium text-blue-800 underline hover:text-blue-950"
        >
          {t('comments.reply')}
        </button>
      )}
    </article>
  );
}

function CommentForm({ subject, parent, onClose }: { subject: Subject; parent: Comment | null; onClose?: () => void }) {
  const { t } = useI18n();
  const parts = partsOf(subject, t);
  const client = useTRPCClient();
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState('');
  const [field, setField] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [pending, setPending] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!body.trim()) {
      setError(t('comments.bodyRequired'));
      bodyRef.current?.focus();
      return;
    }
    setError(null);
    setProblem(null);
    setPending(true);
    try {
      const fields = { body: body.trim(), parentId: parent?.id ?? null };
      if (subject.caseId !== undefined) {
        await client.comment.addOnCase.mutate({ caseId: subject.caseId, ...fields, field: (field || null) as (typeof caseCommentFields)[number] | null });
      } else {
        await client.comment.add.mutate({ incidentId: subject.incidentId, ...fields, field: (field || null) as (typeof incidentFields)[number] | null });
      }
      setBody('');
      setField('');
      onClose?.();
      router.refresh();
    } catch (caught) {
      const found = problemOf(caught, t);
      if (found.fieldErrors.body) {
        setError(found.fieldErrors.body);
        bodyRef.current?.focus();
      } else {
        setProblem(found);
      }
    } finally {
      setPending(false);
    }
  }

  const bodyLabel = parent ? t('comments.replyLabel', { name: parent.author.name }) : t('comments.bodyLabel');
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={parent ? t('comments.replyTo', { name: parent.author.name }) : t('comments.addHeading')}>
      <ActionAlert problem={problem} heading={t('comments.notAdded')} />
      <LabelledField id={`${id}-body`} label={bodyLabel} error={error} required>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={parent ? 2 : 3}
          maxLength={5000}
          required
          autoFocus={parent !== null}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-body`, false, error)}
          className={`${inputClass} mt-1`}
        />
      </LabelledField>
      <div>
        <label htmlFor={`${id}-field`} className={labelClass}>
          {parts.question} <span className="font-normal text-slate-600">{t('form.optional')}</span>
        </label>
        <select id={`${id}-field`} value={field} onChange={(event) => setField(event.target.value)} className={`${inputClass} mt-1 sm:w-auto`}>
          <option value="">{parts.whole}</option>
          {parts.choices.map((name) => (
            <option key={name} value={name}>
              {parts.label(name)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t('comments.posting') : parent ? t('comments.postReply') : t('comments.post')}
        </button>
        {onClose ? (
          <button type="button" onClick={onClose} className={secondaryButtonClass}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
