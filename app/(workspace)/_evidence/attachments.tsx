'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { dangerLinkButtonClass, linkClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';
import { FilePreview, isPreviewable, isPreviewableImage } from './file-preview';
import { FileSharing } from './file-sharing';
import { PublicCopyForm } from './public-copy-form';
import type { UploadTarget } from './send-file';
import { UploadZone } from './upload-zone';

/** Sizes as people read them: 36 KB, 4.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The evidence files of a record, on its page: upload, list, preview, download, delete, (for a
 * reviewer who did not upload it) the decision that a file goes public with the published record,
 * and (for a reviewer) sharing a file with an organization that reads the incident. A reader of a
 * shared incident sees only the files shared with their organization, to preview and download.
 */
export function Attachments({ target, headingId }: { target: UploadTarget; headingId: string }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.evidence.list.queryOptions(target));
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const remove = useMutation(trpc.evidence.delete.mutationOptions());
  const markPublic = useMutation(trpc.evidence.markPublic.mutationOptions());
  const share = useMutation(trpc.evidence.share.mutationOptions());
  const unshare = useMutation(trpc.evidence.unshare.mutationOptions());

  async function act(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      await list.refetch();
    }
  }

  const files = list.data?.files ?? [];
  const readOnly = list.data?.readOnly ?? false;
  const shareTargets = list.data?.shareTargets ?? [];
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('evidence.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{readOnly ? t('evidence.sharedReadOnly') : t('evidence.confidential')}</p>
      <div className="mt-3">
        <ActionAlert problem={problem} heading={t('evidence.notDone')} />
      </div>
      {list.isPending ? <p className="mt-3">{t('app.loading')}</p> : null}
      {list.data && files.length === 0 ? <p className="mt-3 text-slate-700">{t('evidence.none')}</p> : null}
      {files.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-200" aria-label={t('evidence.listLabel')}>
          {files.map((file) => (
            <li key={file.id} className="py-3">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <a href={`/api/files/${file.id}`} className={`${linkClass} break-all`} download>
                  {file.title}
                </a>
                <span className="text-sm text-slate-600">
                  {file.mediaType} · {formatSize(file.size)} · {t('evidence.uploadedBy', { name: file.uploaderName ?? '—', at: formatMoment(new Date(file.uploadedAt), locale) })}
                </span>
                {file.markedPublicAt ? <span className="rounded bg-amber-100 px-2 text-sm text-amber-950">{t('evidence.markedPublic')}</span> : null}
              </div>
              <p className="mt-1 font-mono text-xs break-all text-slate-600">
                <abbr title={t('evidence.sha256Explained')}>SHA-256</abbr> {file.sha256}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {isPreviewable(file.mediaType) ? (
                  <button type="button" className={secondaryButtonClass} aria-expanded={previewing === file.id} onClick={() => setPreviewing(previewing === file.id ? null : file.id)}>
                    {previewing === file.id ? t('evidence.hidePreview') : t('evidence.preview')}
                  </button>
                ) : null}
                {file.canMarkPublic ? (
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    disabled={markPublic.isPending}
                    aria-expanded={file.markedPublicAt ? undefined : naming === file.id}
                    onClick={() => (file.markedPublicAt ? void act(() => markPublic.mutateAsync({ id: file.id, public: false })) : setNaming(naming === file.id ? null : file.id))}
                  >
                    {file.markedPublicAt ? t('evidence.unmarkPublic') : t('evidence.markPublic')}
                  </button>
                ) : null}
                {file.canMarkPublic && file.markedPublicAt ? (
                  <button type="button" className={secondaryButtonClass} aria-expanded={naming === file.id} onClick={() => setNaming(naming === file.id ? null : file.id)}>
                    {t('evidence.changePublic')}
                  </button>
                ) : null}
                {file.canDelete ? (
                  <button
                    type="button"
                    className={dangerLinkButtonClass}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('evidence.confirmDelete', { name: file.title }))) void act(() => remove.mutateAsync({ id: file.id }));
                    }}
                  >
                    {t('evidence.delete')}
                  </button>
                ) : null}
              </div>
              {file.canShare && shareTargets.length > 0 ? (
                <FileSharing
                  fileTitle={file.title}
                  sharedWith={file.sharedWith}
                  targets={shareTargets}
                  pending={share.isPending || unshare.isPending}
                  onShare={(organizationId) => void act(() => share.mutateAsync({ id: file.id, organizationId }))}
                  onUnshare={(organizationId) => void act(() => unshare.mutateAsync({ id: file.id, organizationId }))}
                />
              ) : null}
              {naming === file.id ? (
                <PublicCopyForm
                  initial={{ title: file.publicTitle ?? '', redactions: file.redactions }}
                  image={isPreviewableImage(file.mediaType) ? { id: file.id, title: file.title } : null}
                  pending={markPublic.isPending}
                  onCancel={() => setNaming(null)}
                  onConfirm={(title, redactions) => {
                    setNaming(null);
                    void act(() => markPublic.mutateAsync({ id: file.id, public: true, title, redactions }));
                  }}
                />
              ) : null}
              {previewing === file.id ? <FilePreview id={file.id} title={file.title} mediaType={file.mediaType} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 && !readOnly && (target.subjectKind === 'incident' || target.subjectKind === 'case') ? (
        <p className="mt-3 text-sm">
          <a href={`/api/files/package?${new URLSearchParams(target)}`} className={linkClass} download>
            {t('evidence.package')}
          </a>{' '}
          <span className="text-slate-600">{t('evidence.packageExplained')}</span>
        </p>
      ) : null}
      {list.data?.maxBytes ? (
        <div className="mt-4">
          <UploadZone target={target} maxBytes={list.data.maxBytes} onUploaded={() => void list.refetch()} />
        </div>
      ) : null}
    </section>
  );
}
