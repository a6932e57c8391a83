import 'server-only';
/**
 * The HTTP side of evidence files, kept out of tRPC on purpose: uploads are streamed request bodies
 * (tRPC bodies are small JSON), downloads are streamed responses with their own headers. The route
 * handlers in app/api/files/ are one line each; tests call these functions with a Request.
 */
import { Readable } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import type { CompleteSignIn } from '@/server/auth/request-session';
import type { Viewer } from '@/server/policy/viewer';
import { DomainError } from '@/server/errors';
import { translator } from '@/common/i18n';
import { sayProblem, type Problem } from '@/common/i18n/problems';
import { problemOfIssue } from '@/common/inputs/problems';
import { inlineImageTypes } from '@/server/services/files/media-types';
import { readEvidence } from '@/server/services/files/read';
import { tooLarge, UploadRefused } from '@/server/services/files/ingest';
import { type FilesDeps, uploadEvidence } from '@/server/services/files/upload';
import { assertCanPackage, evidencePackage } from '@/server/services/files/package/build';
import { requireRecentAuth } from '@/server/auth/require-recent-auth';
import { fileId, packageParams, uploadParams } from '@/common/inputs/evidence';
import { attachmentDisposition } from './content-disposition';
import { refuseCrossSite } from './request-guard';

const refusalStatus = { too_large: 413, hash_mismatch: 422, type_not_allowed: 415, empty: 400 } as const;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

const english = translator('en');

/**
 * A refusal as the browser words it: a machine `error`, the problem code (the upload zone says it in
 * the reader's language) and its English wording for programs and logs.
 */
const refusal = (status: number, error: string, problem: Problem) =>
  json(status, { error, problem, message: sayProblem(english, problem.code, problem.params) });

const pleaseSignIn = () => refusal(401, 'unauthorized', { code: 'auth.signIn' });

/** Answers a refused request with a status and a problem a person can act on; unexpected failures stay on the server. */
function problem(error: unknown): Response {
  if (error instanceof UploadRefused) return json(refusalStatus[error.reason], { error: error.reason, problem: error.problem, message: error.message });
  // The first thing wrong with the parameters (a name too long…), as the form's fields state it.
  if (error instanceof ZodError) return refusal(400, 'bad_request', problemOfIssue(error.issues[0]!) ?? { code: 'field.invalid' });
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') return refusal(404, 'not_found', { code: 'notFound' });
  if (error instanceof DomainError && error.code === 'FORBIDDEN') return refusal(403, 'forbidden', error.problem);
  if (error instanceof TRPCError && error.code === 'FORBIDDEN') return json(403, { error: 'forbidden', message: error.message });
  console.error('Evidence file request failed:', error);
  return refusal(500, 'server_error', { code: 'server.failed' });
}

/** POST /api/files?subjectKind=…&subjectId=…&name=…&sha256=…[&capturedAt=…], the file's bytes as the body. */
export async function handleUpload(request: Request, db: Db, viewer: Viewer | null, deps: FilesDeps): Promise<Response> {
  // The cookie travels with a POST from any site: only a page of this app uploads in the person's name.
  const crossSite = refuseCrossSite(request);
  if (crossSite) return json(crossSite.status, { error: 'forbidden', message: crossSite.message });
  if (!viewer) return pleaseSignIn();
  try {
    const params = uploadParams.parse(Object.fromEntries(new URL(request.url).searchParams));
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (declared > deps.maxBytes) throw tooLarge(deps.maxBytes);
    if (!request.body) throw new UploadRefused('empty');
    const file = await uploadEvidence(db, deps, {
      viewer,
      subjectKind: params.subjectKind,
      subjectId: params.subjectId,
      title: params.name,
      expectedSha256: params.sha256,
      capturedAt: params.capturedAt,
      body: Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>),
    });
    return json(201, { id: file.id, title: file.title, mediaType: file.mediaType, size: file.size, sha256: file.sha256 });
  } catch (error) {
    return problem(error);
  }
}

/** Types the workspace previews inline (same origin, nothing from outside): a few image formats and PDF. */
const previewable = (mediaType: string) => inlineImageTypes.has(mediaType) || mediaType === 'application/pdf';

/** GET /api/files/{id} downloads the original; `?preview=1` shows an image or a PDF inline. */
export async function handleDownload(request: Request, id: string, db: Db, viewer: Viewer | null, deps: FilesDeps): Promise<Response> {
  if (!viewer) return pleaseSignIn();
  const preview = new URL(request.url).searchParams.get('preview') === '1';
  try {
    if (!fileId.safeParse(id).success) return problem(new TRPCError({ code: 'NOT_FOUND' }));
    const { file, body } = await readEvidence(db, deps, { viewer, id, purpose: preview ? 'view' : 'download' });
    if (preview && !previewable(file.mediaType)) {
      body.destroy();
      return refusal(415, 'not_previewable', { code: 'file.notPreviewable' });
    }
    const headers = new Headers({
      'content-type': file.mediaType,
      'content-length': String(file.size),
      'content-disposition': attachmentDisposition(file.title, preview ? 'inline' : 'attachment'),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      // The workspace frames a PDF preview; nothing else may frame a file, and a file runs no script.
      'content-security-policy': file.mediaType === 'application/pdf' && preview ? "frame-ancestors 'self'" : "default-src 'none'; img-src 'self'; frame-ancestors 'self'",
    });
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers });
  } catch (error) {
    return problem(error);
  }
}

/** GET /api/files/package?subjectKind=incident|case&subjectId=…: the evidence package of a record, as a ZIP. */
export async function handlePackage(request: Request, db: Db, signedIn: CompleteSignIn | null, deps: FilesDeps): Promise<Response> {
  if (!signedIn) return pleaseSignIn();
  try {
    const params = { viewer: signedIn.viewer, ...packageParams.parse(Object.fromEntries(new URL(request.url).searchParams)) };
    // Every original of a record in one download: a record one may not see is 404 first, then only
    // for someone who proved who they are a moment ago, as for the workspace export.
    await assertCanPackage(db, params);
    requireRecentAuth(signedIn);
    const { name, body } = await evidencePackage(db, deps, params);
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': attachmentDisposition(name, 'attachment'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return problem(error);
  }
}
