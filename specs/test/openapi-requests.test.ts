// The validation limits of the contract, exercised through openapi-backend's request validator: each row is a
// request that the documents must accept or refuse. A reference that validates by the spec refuses the same ones.
import { describe, expect, it } from 'vitest';
import { backendFor, type Service } from './helpers/openapi-docs.ts';

type Row = [
  label: string,
  service: Service,
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    headers: Record<string, string>;
    body?: unknown;
  },
  valid: boolean,
];

const json = { 'content-type': 'application/json' };
const s = (n: number, c = 'a') => c.repeat(n);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => ({
  method: 'post',
  path,
  body,
  headers: { ...json, ...headers },
});
const get = (path: string, query: Record<string, string> = {}) => ({ method: 'get', path, query, headers: {} });

const ROWS: Row[] = [
  ['message text of 4096 characters', 'chats', post('/messages', { chat_id: 7, text: s(4096) }), true],
  ['message text of 4097 characters', 'chats', post('/messages', { chat_id: 7, text: s(4097) }), false],
  ['message chat_id 0', 'chats', post('/messages', { chat_id: 0, text: 'hi' }), false],
  ['message with an unknown field', 'chats', post('/messages', { chat_id: 7, text: 'hi', is_seen: true }), false],
  [
    'Idempotency-Key of 255 visible characters',
    'chats',
    post('/messages', { chat_id: 7, text: 'hi' }, { 'idempotency-key': s(255, 'k') }),
    true,
  ],
  [
    'Idempotency-Key of 256 characters',
    'chats',
    post('/messages', { chat_id: 7, text: 'hi' }, { 'idempotency-key': s(256, 'k') }),
    false,
  ],
  [
    'Idempotency-Key with a space',
    'chats',
    post('/messages', { chat_id: 7, text: 'hi' }, { 'idempotency-key': 'a b' }),
    false,
  ],
  ['chat name of 200 characters', 'chats', post('/chats', { name: s(200) }), true],
  ['chat name of 201 characters', 'chats', post('/chats', { name: s(201) }), false],
  ['empty chat name', 'chats', post('/chats', { name: '' }), false],
  ['open chat', 'chats', post('/chats', { name: 'x', open: true, members: ['2-4b1d'] }), true],
  ['chat member id that is not a user id', 'chats', post('/chats', { name: 'x', members: ['bob'] }), false],
  ['history limit 100', 'chats', get('/chats/7/messages', { limit: '100' }), true],
  ['history limit 101', 'chats', get('/chats/7/messages', { limit: '101' }), false],
  ['history limit 0', 'chats', get('/chats/7/messages', { limit: '0' }), false],
  ['history of chat id 0', 'chats', get('/chats/0/messages'), false],
  ['popular top 0', 'chats', get('/chats/popular', { top: '0' }), false],
  [
    'register with valid fields',
    'users',
    post('/users', { email: 'ada@example.com', password: 'secret', name: 'Ada' }),
    true,
  ],
  [
    'register email longer than 120',
    'users',
    post('/users', { email: `${s(110)}@example.com`, password: 'secret', name: 'Ada' }),
    false,
  ],
  [
    'register name longer than 100',
    'users',
    post('/users', { email: 'ada@example.com', password: 'secret', name: s(101) }),
    false,
  ],
  ['register password of 5', 'users', post('/users', { email: 'ada@example.com', password: s(5), name: 'Ada' }), false],
  [
    'register password of 73',
    'users',
    post('/users', { email: 'ada@example.com', password: s(73), name: 'Ada' }),
    false,
  ],
  [
    'register with a bad email',
    'users',
    post('/users', { email: 'not-an-email', password: 'secret', name: 'Ada' }),
    false,
  ],
  ['user id with shard and hex', 'users', get('/users/1-9f3c2a7b1d4e5f60'), true],
  ['user id "login" (the original answered 400 bad user_id)', 'users', get('/users/nope'), false],
  ['relationship type 4', 'users', post('/relationships', { related_id: '2-4b1d', type: 4 }), false],
  ['users list offset -1', 'users', get('/users', { offset: '-1' }), false],
  ['post description of 5000', 'posts', post('/posts', { description: s(5000) }), true],
  ['post description of 5001', 'posts', post('/posts', { description: s(5001) }), false],
  ['whitespace-only post description', 'posts', post('/posts', { description: '   \n ' }), false],
  [
    'post with 20 tags',
    'posts',
    post('/posts', { description: 'x', tags: Array.from({ length: 20 }, (_, i) => `t${i}`) }),
    true,
  ],
  [
    'post with 21 tags',
    'posts',
    post('/posts', { description: 'x', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
    false,
  ],
  ['post tag of 121 characters', 'posts', post('/posts', { description: 'x', tags: [s(121)] }), false],
  ['comment of 2000', 'feedback', post('/posts/12/comments', { text: s(2000) }), true],
  ['comment of 2001', 'feedback', post('/posts/12/comments', { text: s(2001) }), false],
  ['empty comment', 'feedback', post('/posts/12/comments', { text: '' }), false],
  ['reply to comment 0', 'feedback', post('/posts/12/comments', { text: 'x', reply_id: 0 }), false],
  ['mark-read of a non-uuid id', 'notifications', post('/notifications/abc/read', undefined), false],
  [
    'mark-read of a uuid',
    'notifications',
    { method: 'post', path: '/notifications/3f1c2b9e-7a4d-4e2b-9c1a-5d6e7f8a9b0c/read', headers: {} },
    true,
  ],
  ['test notification without user_id', 'notifications', post('/notifications/test', { title: 't', body: 'b' }), false],
  [
    'test notification of an unknown kind',
    'notifications',
    post('/notifications/test', { user_id: '1-ab', title: 't', body: 'b', kind: 'spam' }),
    false,
  ],
  ['notifications limit 101', 'notifications', get('/notifications', { limit: '101' }), false],
  [
    'presign with a client-chosen key (the original overwrite hole)',
    'media',
    post('/media/presign', { key: '2-4b1d_x.jpg', file_name: 'x.jpg' }),
    false,
  ],
  ['media GET ttl 3601', 'media', get('/media/abc', { ttl: '3601' }), false],
  [
    'feed rebuild limit 1001',
    'feed',
    { method: 'post', path: '/feed/rebuild', query: { limit: '1001' }, headers: {} },
    false,
  ],
  ['author feed with a cursor', 'feed', get('/users/1-ab/feed', { cursor: 'eyJpZCI6MTJ9', limit: '10' }), true],
];

describe('specs > openapi > request validation limits', () => {
  it.each(ROWS)('%s (%s) → valid=%s', async (_label, service, request, valid) => {
    const api = await backendFor(service);
    const result = api.validateRequest(request);
    expect(result.valid, JSON.stringify(result.errors)).toBe(valid);
  });
});
