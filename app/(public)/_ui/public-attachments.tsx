import type { Translate } from '@/common/i18n';
import type { PublicAttachment } from '@/server/public/attachments';
import { RecordSection } from './public-record';

/**
 * The public copies of a published record's evidence files: images shown (already stripped of
 * metadata, regions blacked out), other files as downloads with their size and fingerprint.
 */
export function PublicAttachments({ attachments, t }: { attachments: PublicAttachment[]; t: Translate }) {
  if (attachments.length === 0) return null;
  return (
    <RecordSection id="attachments" heading={t('public.attachments.heading')}>
      <ul className="mt-2 space-y-4">
        {attachments.map((file) => (
          <li key={file.url}>
            {file.media_type.startsWith('image/') ? (
              // A plain <img>: the copy is served as it is, never through an optimizer that might re-add data.
              <img src={file.url} alt={file.title} className="max-h-96 max-w-full rounded border border-slate-300" />
            ) : null}
            <p className="mt-1">
              <a href={file.url} className="text-blue-800 underline">
                {file.title}
              </a>{' '}
              <span className="text-sm text-slate-700">
                ({file.media_type}, {Math.max(1, Math.round(file.size / 1024))} KB)
              </span>
            </p>
            <p className="font-mono text-xs break-all text-slate-600">SHA-256 {file.sha256}</p>
          </li>
        ))}
      </ul>
    </RecordSection>
  );
}
