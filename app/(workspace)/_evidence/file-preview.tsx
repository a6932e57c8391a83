'use client';

import { useI18n } from '@/app/i18n/client';

const images = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Images the browser shows itself (and the reviewer can black out regions of). */
export const isPreviewableImage = (mediaType: string) => images.has(mediaType);

export const isPreviewable = (mediaType: string) => images.has(mediaType) || mediaType === 'application/pdf';

/**
 * An image or a PDF shown inside the workspace, from our own server only: the browser's own image
 * and PDF viewers, no third-party viewer, nothing fetched from elsewhere. Each opening is a custody event.
 */
export function FilePreview({ id, title, mediaType }: { id: string; title: string; mediaType: string }) {
  const { t } = useI18n();
  const source = `/api/files/${id}?preview=1`;
  if (mediaType === 'application/pdf') {
    return <iframe src={source} title={t('evidence.previewOf', { name: title })} className="mt-3 h-[32rem] w-full rounded border border-slate-300" />;
  }
  // A plain <img>: a private, per-request file that Next's image optimizer must never fetch or cache.
  return <img src={source} alt={t('evidence.previewOf', { name: title })} className="mt-3 max-h-[32rem] max-w-full rounded border border-slate-300" />;
}
