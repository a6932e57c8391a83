import type { Problem } from '@/common/i18n/problems';
import { sha256OfFile } from './sha256';

export type UploadTarget = { subjectKind: 'incident' | 'source' | 'case' | 'legal_event'; subjectId: string };
export type Progress = { phase: 'hashing' | 'uploading'; fraction: number };

/** The server's problem code when it refuses a file (413 too large, 415 type, 422 hash mismatch…), worded by the upload zone. */
export class UploadFailed extends Error {
  constructor(readonly problem: Problem | null) {
    super(problem?.code ?? 'upload failed');
  }
}

/**
 * Sends one file to POST /api/files: its SHA-256 first (read in slices, never the whole file in
 * memory), then the bytes, streamed by the browser from disk, with upload progress. The server
 * hashes what arrives and refuses the file if the two differ.
 */
export async function sendFile(file: File, target: UploadTarget, onProgress: (progress: Progress) => void): Promise<{ id: string; sha256: string }> {
  const sha256 = await sha256OfFile(file, (done) => onProgress({ phase: 'hashing', fraction: file.size ? done / file.size : 1 }));
  const query = new URLSearchParams({ ...target, name: file.name, sha256 });
  if (file.lastModified) query.set('capturedAt', new Date(file.lastModified).toISOString());
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/files?${query}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress({ phase: 'uploading', fraction: event.lengthComputable ? event.loaded / event.total : 0 });
    request.onload = () => {
      let answer: { id?: string; sha256?: string; problem?: Problem } = {};
      try {
        answer = JSON.parse(request.responseText) as typeof answer;
      } catch {
        // An answer that is not ours (a proxy's error page) gets the generic message below.
      }
      if (request.status === 201 && answer.id && answer.sha256) resolve({ id: answer.id, sha256: answer.sha256 });
      else reject(new UploadFailed(answer.problem ?? null));
    };
    request.onerror = () => reject(new UploadFailed(null));
    request.send(file);
  });
}
