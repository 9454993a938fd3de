import { randomBytes } from 'node:crypto';
import { problem, type DoubleDefinition, type DoubleRequest } from './double.ts';

/**
 * The media service as specs/openapi/media.yaml describes it, kept in memory: keys are
 * `[prefix/]{sub}_{UTC yyyyMMddTHHmmss}_{basename}` and belong to the `sub` they start with (owner rule of
 * deleteMedia). Security (bearer on upload, presign, delete, whoami) is enforced by the double's server.
 */
export function mediaDouble(): DoubleDefinition {
  const stored = new Map<string, { contentType: string; content: Buffer }>();
  const owner = (key: string) => key.split('/').pop()!.split('_')[0];
  const keyFor = (sub: string, prefix: string, fileName: string) => {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const base = fileName.replace(/[^A-Za-z0-9._-]/g, '_') || 'file';
    return `${prefix ? `${prefix}/` : ''}${sub}_${stamp}_${randomBytes(2).toString('hex')}${base}`;
  };

  return {
    name: 'media',
    service: 'media',
    handlers: {
      async uploadMedia(req: DoubleRequest) {
        const type = req.headers['content-type'] ?? '';
        if (!/multipart\/form-data/i.test(type)) return problem(415, 'multipart/form-data expected');
        let form: FormData;
        try {
          form = await new Request('http://double/', {
            method: 'POST',
            headers: { 'content-type': type },
            body: new Uint8Array(req.body),
          }).formData();
        } catch {
          return problem(400, 'malformed multipart body');
        }
        const file = form.get('file');
        if (!file || typeof file === 'string') return problem(400, 'file is required');
        const prefix = String(form.get('prefix') ?? '');
        if (!/^[A-Za-z0-9._-]{0,64}$/.test(prefix)) return problem(400, 'invalid prefix');
        const key = keyFor(req.caller!.sub, prefix, file.name);
        const contentType = file.type || 'application/octet-stream';
        stored.set(key, { contentType, content: Buffer.from(await file.arrayBuffer()) });
        const url = `${req.baseUrl}/media/${encodeURIComponent(key)}`;
        return { status: 201, json: { key, contentType, url }, headers: { location: url } };
      },
      presignMedia(req) {
        let body: any;
        try {
          body = JSON.parse(req.body.toString('utf8'));
        } catch {
          return problem(400, 'a JSON body is required');
        }
        if (typeof body?.file_name !== 'string' || !body.file_name) return problem(400, 'file_name is required');
        const key = keyFor(req.caller!.sub, String(body.prefix ?? ''), body.file_name);
        const ttl = Number(body.expiry_seconds ?? 900);
        const expires = Math.floor(Date.now() / 1000) + ttl;
        return {
          status: 200,
          json: {
            key,
            ttl,
            method: 'PUT',
            url: `${req.baseUrl}/media/${encodeURIComponent(key)}/content?expires=${expires}&signature=double`,
          },
        };
      },
      getMedia(req) {
        const key = req.params.key!;
        if (!stored.has(key)) return problem(404, 'no such key');
        return {
          status: 307,
          headers: { location: `${req.baseUrl}/media/${encodeURIComponent(key)}/content?expires=0&signature=double` },
        };
      },
      getMediaContent(req) {
        const file = stored.get(req.params.key!);
        return file
          ? { status: 200, raw: file.content, headers: { 'content-type': file.contentType } }
          : problem(404, 'no such key');
      },
      deleteMedia(req) {
        const key = req.params.key!;
        if (!stored.has(key) || owner(key) !== req.caller!.sub) return problem(404, 'no such key');
        stored.delete(key);
        return { status: 204 };
      },
      mediaWhoami: (req) => ({ status: 200, json: { user_id: req.caller!.sub } }),
      mediaHealthz: () => ({ status: 200, json: { status: 'ok' } }),
      mediaReadyz: () => ({ status: 200, json: { status: 'ok' } }),
    },
  };
}
