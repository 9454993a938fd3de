import { expect, it } from 'vitest';
import type { Platform } from '../../src/index.ts';
import { asForm, form } from '../support/forms.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** spec-conventions "Idempotency": replay, 422 on another body, per-caller scope, failures do not burn the key. */
export function idempotencySuite(platform: () => Platform) {
  let alice: TestUser;
  let bob: TestUser;
  let chatId: number;
  const key = (s: string) => ({ header: { 'Idempotency-Key': `${s}-${Math.random().toString(36).slice(2)}` } });

  it('replays the first response with Idempotent-Replayed and stores the message once', async () => {
    const base = platform().baseUrl;
    [alice, bob] = await Promise.all([registerUser(base, 'idem-a'), registerUser(base, 'idem-b')]);
    chatId = (await alice.api.POST('/api/chats', { body: { name: 'idem', members: [bob.userId], open: false } })).data!
      .id;
    const params = key('send');
    const first = await alice.api.POST('/api/messages', { body: { chat_id: chatId, text: 'once' }, params });
    const again = await alice.api.POST('/api/messages', { body: { chat_id: chatId, text: 'once' }, params });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
    const stored = await platform().db.query('SELECT 1 FROM chats.messages WHERE chat_id = $1 AND text = $2', [
      chatId,
      'once',
    ]);
    expect(stored.rowCount).toBe(1);
    const events = await platform().db.query(
      `SELECT 1 FROM public.outbox WHERE topic = 'messages.created' AND payload->>'text' = 'once' AND key = $1`,
      [String(chatId)],
    );
    expect(events.rowCount).toBe(1);
    const other = await alice.api.POST('/api/messages', { body: { chat_id: chatId, text: 'different' }, params });
    expect(other.response.status).toBe(422);
    const bobs = await bob.api.POST('/api/messages', { body: { chat_id: chatId, text: 'once' }, params });
    expect(bobs.response.status).toBe(201);
    expect(bobs.response.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a refused request does not burn the key', async () => {
    const outsider = await registerUser(platform().baseUrl, 'idem-c');
    const params = key('refused');
    const otherChat = (await outsider.api.POST('/api/chats', { body: { name: 'own', open: false } })).data!.id;
    expect(
      (await outsider.api.POST('/api/messages', { body: { chat_id: chatId, text: 'x' }, params })).response.status,
    ).toBe(404);
    expect(
      (await outsider.api.POST('/api/messages', { body: { chat_id: otherChat, text: 'x' }, params })).response.status,
    ).toBe(201);
  });

  it('replays uploads and comments too', async () => {
    const params = key('upload');
    const body = () =>
      form({ chat_id: chatId, text: 'pic' }, { name: 'p.png', type: 'image/png', bytes: 'png' }) as never;
    const first = await alice.api.POST('/api/messages/upload', { body: body(), params, ...asForm });
    const again = await alice.api.POST('/api/messages/upload', { body: body(), params, ...asForm });
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
    const c = key('comment');
    const c1 = await alice.api.POST('/api/feedback/posts/{post_id}/comments', {
      body: { text: 'hi' },
      params: { path: { post_id: 5 }, ...c },
    });
    const c2 = await alice.api.POST('/api/feedback/posts/{post_id}/comments', {
      body: { text: 'hi' },
      params: { path: { post_id: 5 }, ...c },
    });
    expect(c2.data).toEqual(c1.data);
    expect(
      (
        await alice.api.POST('/api/messages', {
          body: { chat_id: chatId, text: 'x' },
          params: { header: { 'Idempotency-Key': 'has space' } },
        })
      ).response.status,
    ).toBe(400);
  });

  it('a duplicate while the first is still in flight gets 409', async () => {
    // hold a claim the way an in-flight request does, then send the same key
    const k = `inflight-${Date.now()}`;
    const { requestFingerprint } = await import('../../src/shared/idempotency/fingerprint.ts');
    await platform().db.query(
      `INSERT INTO public.idempotency_keys (caller, operation_id, idempotency_key, fingerprint, state, expires_at) VALUES ($1, 'sendMessage', $2, $3, 'in_flight', now() + interval '1 hour')`,
      [alice.userId, k, requestFingerprint({}, { chat_id: chatId, text: 'slow' })],
    );
    const dup = await alice.api.POST('/api/messages', {
      body: { chat_id: chatId, text: 'slow' },
      params: { header: { 'Idempotency-Key': k } },
    });
    expect(dup.response.status).toBe(409);
    expect(dup.error).toMatchObject({ type: 'https://socialnet.dev/problems/idempotency-key-in-flight' });
  });
}
