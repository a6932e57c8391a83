'use client';

import { useEffect, useRef, useState } from 'react';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';

/** `invitation`: a link to join the organization (server/services/admin/invitations.ts); otherwise a set-password link. */
export type ShownLink = { name: string; token: string; expiresAt: Date | string; kind?: 'invitation' };

/**
 * A set-password link, shown once right after it was made: the server keeps only its hash. The
 * token goes after `#`, so it never reaches a server log or a Referer header when the person opens it.
 */
export function LinkNotice({ link, onDismiss }: { link: ShownLink; onDismiss: () => void }) {
  const { locale, t } = useI18n();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const url = `${typeof window === 'undefined' ? '' : window.location.origin}/${link.kind === 'invitation' ? 'invitation' : 'set-password'}#${link.token}`;

  useEffect(() => heading.current?.focus(), [link.token]);

  return (
    <section aria-labelledby="set-password-link-heading" className="mt-6 rounded-lg border-2 border-blue-800 bg-blue-50 p-4 sm:p-6">
      <h2 id="set-password-link-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-blue-950 focus:outline-none">
        {t(link.kind === 'invitation' ? 'admin.invitation.heading' : 'admin.link.heading', { name: link.name })}
      </h2>
      <p className="mt-2 text-blue-950">{t(link.kind === 'invitation' ? 'admin.invitation.body' : 'admin.link.body', { name: link.name, date: formatMoment(new Date(link.expiresAt), locale) })}</p>
      <label htmlFor="set-password-link" className={`${labelClass} mt-3`}>
        {t('admin.link.label')}
      </label>
      <input id="set-password-link" readOnly value={url} onFocus={(event) => event.currentTarget.select()} className={`${inputClass} mt-1 font-mono text-sm`} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {t('admin.link.copy')}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onDismiss}>
          {t('admin.link.dismiss')}
        </button>
        <p role="status" className="text-sm text-blue-950">
          {copied ? t('admin.link.copied') : ''}
        </p>
      </div>
    </section>
  );
}
