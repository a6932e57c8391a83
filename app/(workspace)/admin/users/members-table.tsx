'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Role } from '@/db/schema';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { dangerLinkButtonClass, inputClass, secondaryButtonClass } from '@/app/ui/styles';
import { problemOf } from '../../_actions/problem';
import { ConfirmDialog } from './confirm-dialog';
import { LinkNotice, type ShownLink } from './link-notice';
import { useNotice } from './notice';
import { DataTable } from '@/app/ui/data-table';

export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  linkExpiresAt: string | null;
  otherOrganizations: number;
};

type Organization = { id: string; name: string };
type Question = { kind: 'deactivate' | 'reactivate' | 'remove' | 'newLink'; member: MemberRow };

/** The members with their role and account state, and the changes an admin can make to each. */
export function MembersTable({
  organization,
  members,
  roles,
  viewerId,
}: {
  organization: Organization;
  members: MemberRow[];
  roles: readonly Role[];
  viewerId: string;
}) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const notice = useNotice();
  const [question, setQuestion] = useState<Question | null>(null);
  const [questionError, setQuestionError] = useState<string | null>(null);
  const [link, setLink] = useState<ShownLink | null>(null);

  const deactivate = useMutation(trpc.admin.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.admin.reactivate.mutationOptions());
  const remove = useMutation(trpc.admin.removeMember.mutationOptions());
  const newLink = useMutation(trpc.admin.newSetPasswordLink.mutationOptions());
  const working = deactivate.isPending || reactivate.isPending || remove.isPending || newLink.isPending;

  function ask(kind: Question['kind'], member: MemberRow) {
    setQuestionError(null);
    setQuestion({ kind, member });
  }

  function done(message: string) {
    setQuestion(null);
    notice.show(message);
    router.refresh();
  }

  function confirm() {
    if (!question) return;
    const { member } = question;
    const input = { organizationId: organization.id, userId: member.userId };
    const onError = (error: unknown) => setQuestionError(problemOf(error, t).message);
    const name = member.name;
    if (question.kind === 'deactivate') deactivate.mutate(input, { onSuccess: () => done(t('admin.done.deactivated', { name })), onError });
    if (question.kind === 'reactivate') reactivate.mutate(input, { onSuccess: () => done(t('admin.done.reactivated', { name })), onError });
    if (question.kind === 'remove') {
      remove.mutate({ ...input, currentRole: member.role }, { onSuccess: () => done(t('admin.done.removed', { name, organization: organization.name })), onError });
    }
    if (question.kind === 'newLink') {
      newLink.mutate(input, {
        onSuccess: (issued) => {
          setQuestion(null);
          setLink({ name, token: issued.token, expiresAt: issued.expiresAt });
          router.refresh();
        },
        onError,
      });
    }
  }

  const wording = question ? questionWording(question, organization.name, t) : null;

  return (
    <section aria-labelledby="members-heading" className="mt-8">
      <h2 id="members-heading" className="text-xl font-semibold">
        {t('admin.members.heading')}
      </h2>
      {notice.element}
      {link ? <LinkNotice link={link} onDismiss={() => setLink(null)} /> : null}
      <DataTable caption={t('admin.members.caption', { organization: organization.name })} columns={[t('admin.members.col.name'), t('admin.members.col.role'), t('admin.members.col.account'), t('admin.members.col.actions')]} className="mt-4">
        {members.map((member) => {
          const isSelf = member.userId === viewerId;
          const ownsAccount = member.otherOrganizations === 0;
          const expires = member.linkExpiresAt ? new Date(member.linkExpiresAt) : null;
          return (
            <tr key={member.userId} className="align-top">
              <th scope="row" className="px-3 py-3 text-left font-normal">
                <span className="font-medium">{member.name}</span>
                {isSelf ? <span className="text-slate-600"> ({t('admin.members.you')})</span> : null}
                <br />
                <span className="text-sm text-slate-700">{member.email}</span>
              </th>
              <td className="px-3 py-3">
                {/* Keyed by the role, so the select starts again from what the server says after any change. */}
                <RoleForm
                  key={member.role}
                  organizationId={organization.id}
                  member={member}
                  roles={roles}
                  onChanged={(message) => notice.show(message)}
                  onFailed={(message) => notice.fail(message)}
                />
              </td>
              <td className="px-3 py-3 text-sm">
                <p className={member.active ? 'font-medium text-green-900' : 'font-medium text-red-900'}>
                  {member.active ? t('admin.members.active') : t('admin.members.deactivated')}
                </p>
                {expires ? (
                  <p className="mt-1 text-slate-700">
                    {expires.getTime() > Date.now()
                      ? t('admin.members.linkPending', { date: formatMoment(expires, locale) })
                      : t('admin.members.linkExpired', { date: formatMoment(expires, locale) })}
                  </p>
                ) : null}
                {ownsAccount ? null : <p className="mt-1 max-w-xs text-slate-700">{t('admin.members.elsewhere')}</p>}
              </td>
              <td className="px-3 py-3">
                <div className="flex flex-col items-start gap-1">
                  {ownsAccount && !isSelf ? (
                    <ActionButton kind={member.active ? 'deactivate' : 'reactivate'} member={member} onClick={ask} />
                  ) : null}
                  {ownsAccount && member.active ? <ActionButton kind="newLink" member={member} onClick={ask} /> : null}
                  <ActionButton kind="remove" member={member} onClick={ask} />
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {question && wording ? (
        <ConfirmDialog
          title={wording.title}
          body={wording.body}
          confirmLabel={wording.confirm}
          working={working}
          error={questionError}
          onConfirm={confirm}
          onClose={() => setQuestion(null)}
        />
      ) : null}
    </section>
  );
}

const actionLabels = {
  deactivate: 'admin.action.deactivate',
  reactivate: 'admin.action.reactivate',
  remove: 'admin.action.remove',
  newLink: 'admin.action.newLink',
} as const;

function ActionButton({ kind, member, onClick }: { kind: Question['kind']; member: MemberRow; onClick: (kind: Question['kind'], member: MemberRow) => void }) {
  const { t } = useI18n();
  const label = t(actionLabels[kind]);
  return (
    <button
      type="button"
      aria-label={t('admin.action.for', { action: label, name: member.name })}
      onClick={() => onClick(kind, member)}
      className={kind === 'deactivate' || kind === 'remove' ? dangerLinkButtonClass : 'inline-flex items-center rounded-md px-2 py-1 text-sm font-medium text-blue-800 underline hover:bg-blue-50'}
    >
      {label}
    </button>
  );
}

function questionWording(question: Question, organization: string, t: ReturnType<typeof useI18n>['t']) {
  const name = question.member.name;
  switch (question.kind) {
    case 'deactivate':
      return { title: t('admin.confirm.deactivate.title', { name }), body: t('admin.confirm.deactivate.body', { name }), confirm: t('admin.action.deactivate') };
    case 'reactivate':
      return { title: t('admin.confirm.reactivate.title', { name }), body: t('admin.confirm.reactivate.body', { name }), confirm: t('admin.action.reactivate') };
    case 'remove':
      return {
        title: t('admin.confirm.remove.title', { name, organization }),
        body: t('admin.confirm.remove.body', { name, organization }),
        confirm: t('admin.action.remove'),
      };
    case 'newLink':
      return { title: t('admin.confirm.newLink.title', { name }), body: t('admin.confirm.newLink.body'), confirm: t('admin.action.newLink') };
  }
}

/** The role select and its button; the change names the role the admin saw, so a change made meanwhile is not overwritten. */
function RoleForm({
  organizationId,
  member,
  roles,
  onChanged,
  onFailed,
}: {
  organizationId: string;
  member: MemberRow;
  roles: readonly Role[];
  onChanged: (message: string) => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const change = useMutation(trpc.admin.changeRole.mutationOptions());
  const id = `role-${member.userId}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (role === member.role || change.isPending) return;
        change.mutate(
          { organizationId, userId: member.userId, currentRole: member.role, role },
          {
            onSuccess: () => {
              onChanged(t('admin.role.changed', { name: member.name, role: t(`role.${role}`) }));
              router.refresh();
            },
            onError: (error) => {
              setRole(member.role);
              onFailed(problemOf(error, t).message);
            },
          },
        );
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t('admin.role.label', { name: member.name })}
      </label>
      <select id={id} value={role} onChange={(event) => setRole(event.target.value as Role)} className={`${inputClass} min-w-44 max-w-56`}>
        {roles.map((value) => (
          <option key={value} value={value}>
            {t(`role.${value}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={role === member.role || change.isPending}
        aria-label={t('admin.action.for', { action: t('admin.role.change'), name: member.name })}
        className={`${secondaryButtonClass} px-3 py-1 text-sm`}
      >
        {change.isPending ? t('admin.role.changing') : t('admin.role.change')}
      </button>
    </form>
  );
}
