import { randomBytes } from 'node:crypto';
import { StepFailed, type Call } from './client.ts';

export interface LoadUser {
  id: string;
  token: string;
}
interface LoadChat {
  id: number;
  members: LoadUser[];
}

/** What the clients were told was stored (2xx answers); the invariants check these against the database after. */
export interface Accepted {
  users: Set<string>;
  chats: Set<number>;
  posts: Set<number>;
  messages: Set<number>;
  /** Idempotency-Key → message id of its first 2xx answer */
  keyedMessages: Map<string, number>;
  /** retried sends that got a 2xx answer */
  replays: number;
  /** replays that answered another message id than the key's first answer, or without Idempotent-Replayed */
  replayMismatches: string[];
}

const PASSWORD = 'load-test-password';
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const tag = () => randomBytes(6).toString('hex');

/**
 * The mixed workload: each arrival is one short session of a kind drawn by weight. Users and chats made in the seed
 * and by newcomers form the pool the other sessions act in; chat membership never changes after creation, so each
 * message's expected notifications are the chat's members less the sender.
 */
export function workload(call: Call, accepted: Accepted) {
  const users: LoadUser[] = [];
  const chats: LoadChat[] = [];

  /** Registers a user; with `login`, logs in too and acts with the login's token instead of the registration's. */
  async function register(login: boolean): Promise<LoadUser> {
    const email = `load-${tag()}@example.com`;
    const r = await call('register', 'POST', '/users', { body: { email, password: PASSWORD, name: 'load' } });
    accepted.users.add(r.body.user_id);
    const auth = login
      ? (await call('login', 'POST', '/users/login', { body: { email, password: PASSWORD } })).body
      : r.body;
    return { id: auth.user_id, token: auth.access_token };
  }

  async function createChat(owner: LoadUser): Promise<LoadChat> {
    const others = users
      .filter((u) => u.id !== owner.id)
      .sort(() => Math.random() - 0.5)
      .slice(0, 2);
    const r = await call('create chat', 'POST', '/chats', {
      token: owner.token,
      body: { name: `load ${tag()}`, members: others.map((u) => u.id) },
    });
    accepted.chats.add(r.body.id);
    const chat = { id: r.body.id as number, members: [owner, ...others] };
    chats.push(chat);
    return chat;
  }

  /** A send with an Idempotency-Key; with `retry` the same request again, which must replay the first answer. */
  async function send(chat: LoadChat, sender: LoadUser, retry: boolean): Promise<void> {
    const key = `load-${tag()}`;
    const request = {
      token: sender.token,
      body: { chat_id: chat.id, text: `message ${key}` },
      headers: { 'idempotency-key': key },
    };
    const first = await call('send message', 'POST', '/messages', request);
    accepted.messages.add(first.body.id);
    accepted.keyedMessages.set(key, first.body.id);
    if (!retry) return;
    const again = await call('send message (retried key)', 'POST', '/messages', request);
    accepted.replays++;
    if (again.body?.id !== first.body.id || again.headers.get('idempotent-replayed') !== 'true') {
      accepted.replayMismatches.push(
        `${key}: first ${first.body.id}, replay ${again.body?.id} (Idempotent-Replayed: ${again.headers.get('idempotent-replayed')})`,
      );
    }
  }

  const sessions: [weight: number, run: () => Promise<void>][] = [
    // a newcomer: register, log in, start a chat with two others, say hello, look at the chat and the notifications
    [
      3,
      async () => {
        const me = await register(true);
        users.push(me);
        const chat = await createChat(me);
        await send(chat, me, false);
        await call('read history', 'GET', `/chats/${chat.id}/messages?limit=20`, { token: me.token });
        await call('notifications', 'GET', '/notifications?limit=20', { token: me.token });
      },
    ],
    // a member sends to one of their chats; one send in four is retried with the same key
    [
      45,
      async () => {
        const chat = pick(chats);
        await send(chat, pick(chat.members), Math.random() < 0.25);
      },
    ],
    // a member reads a chat's history, then their notifications
    [
      22,
      async () => {
        const chat = pick(chats);
        const me = pick(chat.members);
        await call('read history', 'GET', `/chats/${chat.id}/messages?limit=20`, { token: me.token });
        await call('notifications', 'GET', '/notifications?limit=20', { token: me.token });
      },
    ],
    // someone posts, then reads their home feed
    [
      20,
      async () => {
        const me = pick(users);
        const r = await call('create post', 'POST', '/posts', {
          token: me.token,
          body: { description: `load post ${tag()}` },
        });
        accepted.posts.add(r.body.id);
        await call('home feed', 'GET', '/feed?limit=20', { token: me.token });
      },
    ],
    // someone starts a chat with two others and sends to it
    [
      10,
      async () => {
        const me = pick(users);
        await send(await createChat(me), me, false);
      },
    ],
  ];
  const totalWeight = sessions.reduce((sum, [w]) => sum + w, 0);

  return {
    users,
    chats,
    /** The pool the sessions act in: `userCount` users (one at a time: each costs a scrypt hash) and `chatCount` chats. */
    async seed(userCount: number, chatCount: number): Promise<void> {
      for (let i = 0; i < userCount; i++) users.push(await register(false));
      for (let i = 0; i < chatCount; i++) await createChat(users[i % users.length]!);
    },
    /** One arrival: a session drawn by weight. A failed step ends it (already recorded). */
    async session(): Promise<void> {
      let r = Math.random() * totalWeight;
      const [, run] = sessions.find(([w]) => (r -= w) < 0) ?? sessions[0]!;
      try {
        await run();
      } catch (error) {
        if (!(error instanceof StepFailed)) throw error;
      }
    },
  };
}
