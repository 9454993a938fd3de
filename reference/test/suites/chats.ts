import { expect, it } from 'vitest';
import type { Platform } from '../../src/index.ts';
import { asForm, form } from '../support/forms.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const isProblem = (body: unknown, status: number) =>
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\/socialnet\.dev\/problems\/[a-z0-9-]+$/),
    title: expect.any(String),
  });

async function count(platform: Platform, sql: string, params: unknown[]): Promise<number> {
  return Number((await platform.db.query<{ n: number }>(sql, params)).rows[0]!.n);
}

/** Chats and messages, and review defect D3: a non-member gets 404 on all four message operations, nothing written or leaked. */
export function chatsSuite(platform: () => Platform) {
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let chatId: number;
  let messageId: number;

  it('creates a chat, lists it, adds a member, reads the chat', async () => {
    const base = platform().baseUrl;
    [owner, member, outsider] = await Promise.all([
      registerUser(base, 'owner'),
      registerUser(base, 'member'),
      registerUser(base, 'outsider'),
    ]);
    const created = await owner.api.POST('/api/chats', { body: { name: 'crag', members: [], open: false } });
    expect(created.response.status).toBe(201);
    chatId = created.data!.id;
    expect(created.data).toMatchObject({ name: 'crag', owner_id: owner.userId, open: false });
    expect(
      (
        await owner.api.POST('/api/chats/{chat_id}/add/{user_id}', {
          params: { path: { chat_id: chatId, user_id: member.userId } },
        })
      ).response.status,
    ).toBe(200);
    const mine = await member.api.GET('/api/chats', {});
    expect(mine.data!.items.map((c) => c.id)).toContain(chatId);
    expect((await member.api.GET('/api/chats/{chat_id}', { params: { path: { chat_id: chatId } } })).data!.name).toBe(
      'crag',
    );
  });

  it('members send, page through history with a cursor, read one message and mark it seen; the send is in the outbox', async () => {
    const sent = await owner.api.POST('/api/messages', { body: { chat_id: chatId, text: 'secret' } });
    expect(sent.response.status).toBe(201);
    messageId = sent.data!.id;
    await member.api.POST('/api/messages', { body: { chat_id: chatId, text: 'second' } });
    await member.api.POST('/api/messages', { body: { chat_id: chatId, text: 'third' } });
    const first = await member.api.GET('/api/chats/{chat_id}/messages', {
      params: { path: { chat_id: chatId }, query: { limit: 2 } },
    });
    expect(first.data!.items.map((m) => m.text)).toEqual(['third', 'second']);
    const rest = await member.api.GET('/api/chats/{chat_id}/messages', {
      params: { path: { chat_id: chatId }, query: { limit: 2, cursor: first.data!.next_cursor! } },
    });
    expect(rest.data!.items.map((m) => m.text)).toEqual(['secret']);
    expect(rest.data!.next_cursor).toBeNull();
    expect(
      (
        await member.api.GET('/api/chats/{chat_id}/messages/{message_id}', {
          params: { path: { chat_id: chatId, message_id: messageId } },
        })
      ).data!.text,
    ).toBe('secret');
    expect(
      (await member.api.POST('/api/messages/{message_id}/seen', { params: { path: { message_id: messageId } } }))
        .response.status,
    ).toBe(200);
    const events = await platform().db.query<{ key: string; payload: { message_id: number; recipient_ids: string[] } }>(
      `SELECT key, payload FROM public.outbox WHERE topic = 'messages.created' AND payload->>'message_id' = $1`,
      [String(messageId)],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ key: String(chatId), payload: { recipient_ids: [member.userId] } });
  });

  it('D3: a non-member gets 404 on send, send-with-upload, history and mark-seen; nothing is written or uploaded', async () => {
    const messagesBefore = await count(platform(), 'SELECT count(*) AS n FROM chats.messages WHERE chat_id = $1', [
      chatId,
    ]);
    const mediaBefore = await count(platform(), 'SELECT count(*) AS n FROM media.objects', []);
    const outboxBefore = await count(platform(), 'SELECT count(*) AS n FROM public.outbox', []);
    const send = await outsider.api.POST('/api/messages', { body: { chat_id: chatId, text: 'intrusion' } });
    expect(send.response.status).toBe(404);
    isProblem(send.error, 404);
    const upload = await outsider.api.POST('/api/messages/upload', {
      body: form({ chat_id: chatId, text: 'x' }, { name: 'a.txt', type: 'text/plain', bytes: 'hello' }) as never,
      ...asForm,
    });
    expect(upload.response.status).toBe(404);
    const history = await outsider.api.GET('/api/chats/{chat_id}/messages', { params: { path: { chat_id: chatId } } });
    expect(history.response.status).toBe(404);
    expect(JSON.stringify(history.error)).not.toContain('secret');
    const seen = await outsider.api.POST('/api/messages/{message_id}/seen', {
      params: { path: { message_id: messageId } },
    });
    expect(seen.response.status).toBe(404);
    expect(
      (await outsider.api.POST('/api/messages/{message_id}/seen', { params: { path: { message_id: 999_999 } } }))
        .response.status,
    ).toBe(404);
    expect(
      (await outsider.api.GET('/api/chats/{chat_id}', { params: { path: { chat_id: chatId } } })).response.status,
    ).toBe(404);
    expect(
      (
        await outsider.api.GET('/api/chats/{chat_id}/messages/{message_id}', {
          params: { path: { chat_id: chatId, message_id: messageId } },
        })
      ).response.status,
    ).toBe(404);
    expect(await count(platform(), 'SELECT count(*) AS n FROM chats.messages WHERE chat_id = $1', [chatId])).toBe(
      messagesBefore,
    );
    expect(await count(platform(), 'SELECT count(*) AS n FROM media.objects', [])).toBe(mediaBefore);
    expect(await count(platform(), 'SELECT count(*) AS n FROM public.outbox', [])).toBe(outboxBefore);
    expect(
      await count(platform(), 'SELECT count(*) AS n FROM chats.message_seens WHERE user_id = $1', [outsider.userId]),
    ).toBe(0);
  });

  it('closes the self-join hole: a closed chat cannot be joined, an open one can; only the owner adds members', async () => {
    expect(
      (await outsider.api.POST('/api/chats/{chat_id}/join', { params: { path: { chat_id: chatId } } })).response.status,
    ).toBe(404);
    expect(
      (await outsider.api.POST('/api/chats/{chat_id}/join', { params: { path: { chat_id: 987_654 } } })).response
        .status,
    ).toBe(404);
    expect(
      (
        await member.api.POST('/api/chats/{chat_id}/add/{user_id}', {
          params: { path: { chat_id: chatId, user_id: outsider.userId } },
        })
      ).response.status,
    ).toBe(403);
    const open = await owner.api.POST('/api/chats', { body: { name: 'open crag', open: true } });
    expect(
      (await outsider.api.POST('/api/chats/{chat_id}/join', { params: { path: { chat_id: open.data!.id } } })).response
        .status,
    ).toBe(200);
    expect(
      (await outsider.api.POST('/api/messages', { body: { chat_id: open.data!.id, text: 'hello all' } })).response
        .status,
    ).toBe(201);
    const popular = await outsider.api.GET('/api/chats/popular', { params: { query: { top: 5 } } });
    expect(popular.data!.chat_ids).toContain(open.data!.id);
    expect(popular.data!.chat_ids).not.toContain(chatId); // closed chats are not listed
    expect(
      (await outsider.api.POST('/api/chats/{chat_id}/leave', { params: { path: { chat_id: open.data!.id } } })).response
        .status,
    ).toBe(200);
    expect(
      (await outsider.api.GET('/api/chats/{chat_id}/messages', { params: { path: { chat_id: open.data!.id } } }))
        .response.status,
    ).toBe(404);
  });

  it('a message of another chat is 404 even for a member of both (message-in-chat)', async () => {
    const other = await owner.api.POST('/api/chats', { body: { name: 'other', open: false } });
    const there = await owner.api.POST('/api/messages', { body: { chat_id: other.data!.id, text: 'elsewhere' } });
    const read = await owner.api.GET('/api/chats/{chat_id}/messages/{message_id}', {
      params: { path: { chat_id: chatId, message_id: there.data!.id } },
    });
    expect(read.response.status).toBe(404);
  });

  it('rejects a message with neither text nor media, and text over 4096 characters', async () => {
    expect((await owner.api.POST('/api/messages', { body: { chat_id: chatId, text: '  ' } })).response.status).toBe(
      400,
    );
    const long = await owner.api.POST('/api/messages', { body: { chat_id: chatId, text: 'x'.repeat(4097) } });
    expect(long.response.status).toBe(400);
    expect(long.error).toMatchObject({ errors: [{ pointer: '/body/text' }] });
  });

  it("a member's upload without a file is a 400, not a crash", async () => {
    const noFile = await member.api.POST('/api/messages/upload', {
      body: form({ chat_id: chatId, text: 'no file' }) as never,
      ...asForm,
    });
    expect(noFile.response.status).toBe(400);
    expect(noFile.error).toMatchObject({ errors: [{ pointer: '/multipart/file' }] });
  });

  it('a member sends with upload: the file is stored as the caller in media, the message links it', async () => {
    const sent = await member.api.POST('/api/messages/upload', {
      body: form(
        { chat_id: chatId, text: 'topo' },
        { name: 'topo.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) },
      ) as never,
      ...asForm,
    });
    expect(sent.response.status).toBe(201);
    expect(sent.data!.media_url).toContain('/api/media/');
    const key = decodeURIComponent(sent.data!.media_url.split('/api/media/')[1]!);
    const owners = await platform().db.query<{ owner_id: string }>(
      'SELECT owner_id FROM media.objects WHERE key = $1',
      [key],
    );
    expect(owners.rows[0]?.owner_id).toBe(member.userId);
  });
}
