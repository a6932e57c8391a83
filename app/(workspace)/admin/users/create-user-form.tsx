'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import type { Role } from '@/db/schema';
import { sayFieldErrors } from '@/common/i18n/problems';
import type { z } from 'zod';
import type { Translate } from '@/common/i18n';
import { createUserInput } from '@/common/inputs/admin';
import { sayIssue } from '@/common/inputs/problems';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { errorClass, fieldsetClass, inputClass, labelClass, primaryButtonClass } from '@/app/ui/styles';
import { problemOf } from '../../_actions/problem';
import { TextField } from '@/app/ui/text-field';
import { LinkNotice, type ShownLink } from './link-notice';
import { useNotice } from './notice';

type Field = 'name' | 'email' | 'role';
type Errors = Partial<Record<Field | '_', string>>;
const fieldOrder: Field[] = ['name', 'email', 'role'];

function firstMessages(issues: z.core.$ZodIssue[], t: Translate): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key = (String(issue.path[0] ?? '_') as Field | '_');
    errors[key] ??= sayIssue(t, issue);
  }
  return errors;
}

/**
 * Invites a person to the organization: the answer is a one-time link, the same whether the email
 * has an account or not (the person chooses their password, or accepts signed in). It checks with the procedure's own schema first; the server's
 * field messages show beside their fields, and focus goes to the first field with a problem.
 */
export function CreateUserForm({ organization, roles }: { organization: { id: string; name: string }; roles: readonly Role[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const notice = useNotice();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [link, setLink] = useState<ShownLink | null>(null);
  const create = useMutation(trpc.admin.createUser.mutationOptions());

  function showErrors(found: Errors) {
    setErrors(found);
    const first = fieldOrder.find((field) => found[field]);
    if (first) requestAnimationFrame(() => document.getElementById(`new-${first}`)?.focus());
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const values = {
      organizationId: organization.id,
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      role: String(data.get('role') ?? ''),
    };
    const parsed = createUserInput.safeParse(values);
    if (!parsed.success) return showErrors(firstMessages(parsed.error.issues, t));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => {
        const role = t(`role.${parsed.data.role}`);
        // The link is shown once: it takes the focus, the notice is only announced.
        notice.show(t('admin.create.invited', { name: parsed.data.name, role }), { focus: false });
        setLink({ name: parsed.data.name, token: created.link.token, expiresAt: created.link.expiresAt, kind: 'invitation' });
        form.current?.reset();
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = sayFieldErrors(t, error.data) as Errors;
        if (Object.keys(fieldErrors).length > 0) return showErrors(fieldErrors);
        setErrors({});
        notice.fail(problemOf(error, t).message);
      },
    });
  }

  // Only the role is drawn here: the text fields are TextFields, which tie their own problems.
  const described = (field: Field) => (errors[field] ? `new-${field}-error` : undefined);
  const problem = (field: Field) =>
    errors[field] ? (
      <p id={`new-${field}-error`} className={errorClass}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="create-user-heading" className="mt-10">
      <h2 id="create-user-heading" className="text-xl font-semibold">
        {t('admin.create.heading')}
      </h2>
      {notice.element}
      {link ? <LinkNotice link={link} onDismiss={() => setLink(null)} /> : null}
      <form ref={form} onSubmit={onSubmit} noValidate className={`${fieldsetClass} mt-4 max-w-2xl space-y-5`}>
        <TextField id="new-name" name="name" autoComplete="off" maxLength={200} label={t('admin.create.name')} error={errors.name} />
        <TextField id="new-email" name="email" type="email" autoComplete="off" maxLength={320} label={t('admin.create.email')} hint={t('admin.create.emailHint')} error={errors.email} />
        <div>
          <label htmlFor="new-role" className={labelClass}>
            {t('admin.create.role')}
          </label>
          <select id="new-role" name="role" defaultValue="monitor" aria-invalid={errors.role ? true : undefined} aria-describedby={described('role')} className={`${inputClass} mt-1 max-w-xs`}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
          {problem('role')}
        </div>
        <button type="submit" disabled={create.isPending} className={primaryButtonClass}>
          {create.isPending ? t('admin.create.submitting') : t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
