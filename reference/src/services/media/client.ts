import type { Principal } from '../../shared/auth/principal.ts';
import type { UploadedFile } from '../../shared/idempotency/fingerprint.ts';
import { ServiceUnavailableError } from '../../shared/http/service-client.ts';
import { ProblemError } from '../../shared/problem/problem.ts';
import type { PlatformDeps } from '../../platform/deps.ts';

export interface UploadedMedia {
  key: string;
  contentType: string;
  url: string;
}

const detailOf = (body: unknown) =>
  body && typeof body === 'object' && 'detail' in body
    ? String((body as { detail: unknown }).detail)
    : JSON.stringify(body);

/**
 * POST /media/upload on the media service over HTTP, as the caller (their bearer is forwarded, so the stored file
 * belongs to them: SN-PROPAGATION-CALLER-BEARER). The client's own input errors (too large, bad type) keep their
 * status; anything else the media service answers is a 502, and an unreachable media service a 503.
 */
export async function uploadToMedia(
  deps: PlatformDeps,
  as: Principal,
  file: UploadedFile,
  prefix: string,
): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('prefix', prefix);
  form.append(
    'file',
    new Blob([new Uint8Array(file.buffer)], { type: file.mimetype || 'application/octet-stream' }),
    file.originalname || 'upload',
  );
  let answer;
  try {
    answer = await deps.client('media').call('POST', '/media/upload', { as, form, timeoutMs: 15_000 });
  } catch (error) {
    if (error instanceof ServiceUnavailableError)
      throw new ProblemError('service-unavailable', error.message, { headers: { 'Retry-After': '5' } });
    throw error;
  }
  if (answer.status === 201) return answer.body as UploadedMedia;
  if (answer.status === 413 || answer.status === 415)
    throw new ProblemError(
      answer.status === 413 ? 'payload-too-large' : 'unsupported-media-type',
      `media-service: ${detailOf(answer.body)}`,
    );
  throw new ProblemError('bad-gateway', `media-service answered ${answer.status}: ${detailOf(answer.body)}`);
}
