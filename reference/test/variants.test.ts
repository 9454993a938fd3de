import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropAuthz,
  InvalidTokenError,
  makePublic,
  openDatabase,
  startPlatform,
  type Authenticator,
  type Database,
  type Platform,
  type PlatformVariant,
} from '../src/index.ts';
import { apiClient } from './support/client.ts';
import { asForm, form } from './support/forms.ts';
import { TEST_SECRET } from './support/targets.ts';
import { registerUser } from './support/users.ts';

// The composition seam: each review defect rebuilt as a one-deviation variant, a few lines each. The reference
// without a variant refuses all of these (platform.*.test.ts); with one, exactly that defect comes back.
// D2's authenticator (the original's home-made token) is the conformance fixture's; a stand-in shows the seam here.
const standIn: Authenticator = async (token) => {
  if (!token.startsWith('stand-in:')) throw new InvalidTokenError('invalid token');
  return { userId: token.slice('stand-in:'.length), roles: [], token };
};
const D2: PlatformVariant = { name: 'D2', authenticators: { notifications: () => standIn } };
const D3: PlatformVariant = {
  name: 'D3',
  transformSpec: (service, doc) => {
    if (service === 'chats')
      for (const id of ['sendMessage', 'sendMessageWithUpload', 'listChatMessages', 'markMessageSeen'])
        dropAuthz(doc, id, id === 'markMessageSeen' ? 'message-chat-member' : 'chat-member');
    return doc;
  },
};
const D4: PlatformVariant = { name: 'D4', forwardBearer: (from, to) => !(from === 'posts' && to === 'media') };
const D5: PlatformVariant = {
  name: 'D5',
  transformSpec: (service, doc) => (service === 'notifications' ? makePublic(doc, 'listUserNotifications') : doc),
};

let db: Database;
const running: Platform[] = [];
const start = async (variant: PlatformVariant) => {
  const p = await startPlatform({ jwtSecret: TEST_SECRET, logLevel: 'silent', db, variant });
  running.push(p);
  return p;
};
beforeAll(async () => {
  db = await openDatabase({}); // one PGlite shared by the four variant platforms
});
afterAll(async () => {
  for (const p of running) await p.close();
  await db?.close();
});

describe('defect fixtures through PlatformVariant', () => {
  it('D2: the notifications service takes its authenticator from the variant and refuses the standard JWT', async () => {
    const p = await start(D2);
    const user = await registerUser(p.baseUrl, 'd2');
    expect((await user.api.GET('/api/notifications', {})).response.status).toBe(401);
    expect((await apiClient(p.baseUrl, `stand-in:${user.userId}`).GET('/api/notifications', {})).response.status).toBe(
      200,
    );
    expect((await user.api.GET('/api/whoami', {})).response.status).toBe(200); // only the notifications service changed
  });

  it('D3: with the chat-member rules removed from the spec, a non-member sends and reads', async () => {
    const p = await start(D3);
    const [owner, outsider] = await Promise.all([registerUser(p.baseUrl, 'd3o'), registerUser(p.baseUrl, 'd3x')]);
    const chat = await owner.api.POST('/api/chats', { body: { name: 'private', open: false } });
    await owner.api.POST('/api/messages', { body: { chat_id: chat.data!.id, text: 'secret' } });
    expect(
      (await outsider.api.POST('/api/messages', { body: { chat_id: chat.data!.id, text: 'hi' } })).response.status,
    ).toBe(201);
    const history = await outsider.api.GET('/api/chats/{chat_id}/messages', {
      params: { path: { chat_id: chat.data!.id } },
    });
    expect(history.data!.items.map((m) => m.text)).toContain('secret');
    expect(
      (await outsider.api.GET('/api/chats/{chat_id}', { params: { path: { chat_id: chat.data!.id } } })).response
        .status,
    ).toBe(404); // untouched rule
  });

  it("D4: post upload without the caller's bearer fails at the media service and stores nothing", async () => {
    const p = await start(D4);
    const author = await registerUser(p.baseUrl, 'd4');
    const upload = await author.api.POST('/api/posts/upload', {
      body: form({ description: 'x' }, { name: 'a.jpg', type: 'image/jpeg', bytes: 'x' }) as never,
      ...asForm,
    });
    expect(upload.response.status).toBe(502);
    expect(JSON.stringify(upload.error)).toContain('media-service answered 401');
    expect(
      (
        await author.api.POST('/api/media/upload', {
          body: form({}, { name: 'a.jpg', type: 'image/jpeg', bytes: 'x' }) as never,
          ...asForm,
        })
      ).response.status,
    ).toBe(201);
  });

  it("D5: with the operation made public in the spec, anyone reads a user's notifications", async () => {
    const p = await start(D5);
    const victim = await registerUser(p.baseUrl, 'd5');
    await victim.api.POST('/api/notifications/test', {
      body: { user_id: victim.userId, title: 'private', body: '', kind: 'message' },
    });
    const anonymous = await apiClient(p.baseUrl).GET('/api/users/{user_id}/notifications', {
      params: { path: { user_id: victim.userId } },
    });
    expect(anonymous.response.status).toBe(200);
    expect(anonymous.data!.notifications.map((n) => n.title)).toEqual(['private']);
  });
});
