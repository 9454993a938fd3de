import { expect, it } from 'vitest';
import type { Platform } from '../../src/index.ts';
import { apiClient } from '../support/client.ts';
import { asForm, form } from '../support/forms.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** Posts, media, and review defect D4: post upload reaches media as the caller. */
export function postsMediaSuite(platform: () => Platform) {
  let author: TestUser;
  let other: TestUser;

  it('D4: an upload post succeeds with media auth on, and the stored media belongs to the caller', async () => {
    const base = platform().baseUrl;
    [author, other] = await Promise.all([registerUser(base, 'author'), registerUser(base, 'other')]);
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const post = await author.api.POST('/api/posts/upload', {
      body: form(
        { description: ' north face ', tags: 'alps, climbing,,alps' },
        { name: 'face.jpg', type: 'image/jpeg', bytes },
      ) as never,
      ...asForm,
    });
    expect(post.response.status).toBe(201);
    expect(post.data).toMatchObject({ user_id: author.userId, description: 'north face', tags: ['alps', 'climbing'] });
    const key = decodeURIComponent(post.data!.media.split('/api/media/')[1]!);
    expect(key.startsWith(`posts/${author.userId}_`)).toBe(true);
    const owner = await platform().db.query<{ owner_id: string }>('SELECT owner_id FROM media.objects WHERE key = $1', [
      key,
    ]);
    expect(owner.rows[0]?.owner_id).toBe(author.userId);
    // the media link redirects to a signed URL that serves the same bytes
    const redirect = await fetch(post.data!.media, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const file = await fetch(redirect.headers.get('location')!);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    const outbox = await platform().db.query('SELECT 1 FROM public.outbox WHERE topic = $1 AND key = $2', [
      'posts.created',
      String(post.data!.id),
    ]);
    expect(outbox.rowCount).toBe(1);
  });

  it('media upload always requires a token; only the owner deletes a key', async () => {
    const anonymous = await apiClient(platform().baseUrl).POST('/api/media/upload', {
      body: form({}, { name: 'a.txt', type: 'text/plain', bytes: 'x' }) as never,
      ...asForm,
    });
    expect(anonymous.response.status).toBe(401);
    const up = await author.api.POST('/api/media/upload', {
      body: form({ prefix: 'docs' }, { name: 'notes.txt', type: 'text/plain', bytes: 'hello' }) as never,
      ...asForm,
    });
    expect(up.response.status).toBe(201);
    expect(up.data!.key.startsWith(`docs/${author.userId}_`)).toBe(true);
    expect(
      (await other.api.DELETE('/api/media/{key}', { params: { path: { key: up.data!.key } } })).response.status,
    ).toBe(404);
    expect(
      (await author.api.DELETE('/api/media/{key}', { params: { path: { key: up.data!.key } } })).response.status,
    ).toBe(204);
    expect((await fetch(up.data!.url, { redirect: 'manual' })).status).toBe(404);
  });

  it("presigned PUT stores a file under the caller's key; a tampered signature is 403", async () => {
    const signed = await author.api.POST('/api/media/presign', {
      body: { file_name: 'clip.bin', content_type: 'application/octet-stream', expiry_seconds: 60 },
    });
    expect(signed.response.status).toBe(200);
    expect(signed.data!.key.startsWith(`${author.userId}_`)).toBe(true);
    const put = await fetch(signed.data!.url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([9, 9]),
    });
    expect(put.status).toBe(204);
    const tampered = await fetch(signed.data!.url.replace(/signature=[^&]+/, 'signature=AAAA'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: 'x',
    });
    expect(tampered.status).toBe(403);
    expect(
      (await other.api.DELETE('/api/media/{key}', { params: { path: { key: signed.data!.key } } })).response.status,
    ).toBe(404);
  });

  it('creates, reads (with counts from feedback), lists and views posts', async () => {
    const created = await author.api.POST('/api/posts', { body: { description: 'hello', tags: ['a', 'a', 'b'] } });
    expect(created.response.status).toBe(201);
    expect(created.data!.tags).toEqual(['a', 'b']);
    const id = created.data!.id;
    await other.api.POST('/api/feedback/posts/{post_id}/like', { params: { path: { post_id: id } } });
    await other.api.POST('/api/feedback/posts/{post_id}/comments', {
      body: { text: 'nice' },
      params: { path: { post_id: id } },
    });
    const read = await apiClient(platform().baseUrl).GET('/api/posts/{post_id}', { params: { path: { post_id: id } } });
    expect(read.data).toMatchObject({ id, likes: 1, comments: 1 });
    expect(read.data!.counts_degraded).toBeUndefined();
    expect(
      (await other.api.POST('/api/posts/{post_id}/view', { params: { path: { post_id: id } } })).response.status,
    ).toBe(200);
    expect(
      (await other.api.POST('/api/posts/{post_id}/view', { params: { path: { post_id: 999_999 } } })).response.status,
    ).toBe(404);
    const list = await apiClient(platform().baseUrl).GET('/api/users/{user_id}/posts', {
      params: { path: { user_id: author.userId }, query: { limit: 1 } },
    });
    expect(list.data).toMatchObject({ limit: 1, offset: 0, items: [{ id, views: 1 }] });
    expect(
      (await apiClient(platform().baseUrl).GET('/api/posts/{post_id}', { params: { path: { post_id: 999_999 } } }))
        .response.status,
    ).toBe(404);
  });

  it('refuses a whitespace-only description before uploading anything', async () => {
    const before = (await platform().db.query('SELECT count(*)::int AS n FROM media.objects')).rows[0];
    const bad = await author.api.POST('/api/posts/upload', {
      body: form({ description: '   ' }, { name: 'x.jpg', type: 'image/jpeg', bytes: 'x' }) as never,
      ...asForm,
    });
    expect(bad.response.status).toBe(400);
    expect((await platform().db.query('SELECT count(*)::int AS n FROM media.objects')).rows[0]).toEqual(before);
  });
}
