'use client';

import { useId, useRef, useState, type DragEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { sayProblem } from '@/common/i18n/problems';
import { secondaryButtonClass } from '@/app/ui/styles';
import { sendFile, UploadFailed, type Progress, type UploadTarget } from './send-file';

type Item = { key: string; name: string; progress: Progress; state: 'working' | 'done' | 'failed'; message?: string };

/**
 * Drop files here or pick them: several at once, each with its own progress bar (hashing, then
 * uploading) and its own outcome, announced to screen readers.
 */
export function UploadZone({ target, maxBytes, onUploaded }: { target: UploadTarget; maxBytes: number; onUploaded: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const update = (key: string, change: Partial<Item>) => setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  function start(files: FileList | null) {
    if (!files) return;
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const item: Item = { key, name: file.name, progress: { phase: 'hashing', fraction: 0 }, state: 'working' };
      setItems((all) => [...all, item]);
      if (file.size > maxBytes) {
        update(key, { state: 'failed', message: t('evidence.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }) });
        continue;
      }
      sendFile(file, target, (progress) => update(key, { progress }))
        .then(() => {
          update(key, { state: 'done', progress: { phase: 'uploading', fraction: 1 } });
          onUploaded();
        })
        .catch((error: unknown) => {
          const problem = error instanceof UploadFailed ? error.problem : null;
          update(key, { state: 'failed', message: problem ? sayProblem(t, problem.code, problem.params) : t('evidence.uploadFailed') });
        });
    }
    if (input.current) input.current.value = '';
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    start(event.dataTransfer.files);
  }

  return (
    <div>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-4 text-center ${over ? 'border-blue-800 bg-blue-50' : 'border-slate-400'}`}
      >
        <p id={hintId} className="text-slate-700">
          {t('evidence.dropHint', { mb: Math.round(maxBytes / 1024 / 1024) })}
        </p>
        <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => input.current?.click()} aria-describedby={hintId}>
          {t('evidence.choose')}
        </button>
        <input ref={input} type="file" multiple className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(event) => start(event.target.files)} data-testid="evidence-input" />
      </div>
      {items.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label={t('evidence.uploads')} aria-live="polite">
          {items.map((item) => (
            <li key={item.key} className="text-sm">
              <span className="font-medium break-all">{item.name}</span>{' '}
              <span className={item.state === 'failed' ? 'text-red-800' : 'text-slate-700'}>
                {item.state === 'done'
                  ? t('evidence.uploaded')
                  : item.state === 'failed'
                    ? item.message
                    : item.progress.phase === 'hashing'
                      ? t('evidence.hashing')
                      : t('evidence.uploading')}
              </span>
              {item.state === 'working' ? (
                <progress className="mt-1 block w-full" max={100} value={Math.round(item.progress.fraction * 100)} aria-label={t('evidence.progressOf', { name: item.name })} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
