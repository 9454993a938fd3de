// Every route of the original (../shared/system-under-review.md §2, plus /metrics from §1.1) is in its service
// document, or listed under "Dropped endpoints" in docs/spec-notes.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, rawDoc, REPO_DIR, SERVICES, type Service } from './helpers/openapi-docs.ts';

const ORIGINAL: Record<Service, string[]> = {
  users: [
    'POST /users',
    'POST /users/login',
    'GET /users/{user_id}',
    'GET /users',
    'GET /whoami',
    'PUT /profile',
    'GET /profile/{user_id}',
    'POST /interests',
    'POST /interests/{interest_id}',
    'DELETE /interests/{interest_id}',
    'GET /interests',
    'POST /follow/{target_id}',
    'DELETE /follow/{target_id}',
    'GET /follow',
    'POST /friends/{friend_id}',
    'DELETE /friends/{friend_id}',
    'GET /friends',
    'POST /relationships',
    'DELETE /relationships',
    'GET /relationships',
    'GET /metrics',
  ],
  posts: [
    'POST /posts',
    'POST /posts/upload',
    'GET /posts/{post_id}',
    'GET /users/{user_id}/posts',
    'POST /posts/{post_id}/view',
    'GET /whoami',
    'GET /metrics',
  ],
  feed: [
    'GET /users/{user_id}/feed',
    'GET /celebrities/{user_id}/feed',
    'GET /celebrities',
    'GET /feed',
    'POST /feed/rebuild',
    'POST /celebrities/{user_id}',
    'DELETE /celebrities/{user_id}',
    'GET /whoami',
    'GET /metrics',
  ],
  feedback: [
    'GET /posts/{post_id}/likes',
    'GET /posts/{post_id}/comments',
    'GET /posts/{post_id}/counts',
    'POST /posts/{post_id}/like',
    'DELETE /posts/{post_id}/like',
    'POST /posts/{post_id}/comments',
    'DELETE /comments/{comment_id}',
    'GET /whoami',
    'GET /metrics',
  ],
  chats: [
    'GET /chats/{chat_id}',
    'GET /chats/popular',
    'POST /chats',
    'GET /chats',
    'POST /chats/{chat_id}/join',
    'POST /chats/{chat_id}/add/{user_id}',
    'POST /chats/{chat_id}/leave',
    'GET /chats/{chat_id}/messages',
    'POST /messages',
    'POST /messages/upload',
    'POST /messages/{message_id}/seen',
    'GET /whoami',
    'GET /metrics',
  ],
  notifications: [
    'GET /healthz',
    'GET /users/{user_id}/notifications',
    'GET /notifications',
    'POST /notifications/{id}/read',
    'POST /notifications/test',
    'GET /metrics',
  ],
  media: [
    'GET /media/{key}',
    'POST /media/upload',
    'DELETE /media/{key}',
    'POST /media/presign',
    'GET /healthz',
    'GET /metrics',
  ],
};

/** `/chats/{chat_id}` and `/chats/{id}` are the same route on the wire. */
const shape = (route: string) => route.replace(/\{[^}]+\}/g, '{}');

function declared(service: Service): Set<string> {
  const doc = rawDoc(service);
  return new Set(
    Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((m) => shape(`${m.toUpperCase()} ${path}`)),
    ),
  );
}

function dropped(): Set<string> {
  const notes = readFileSync(join(REPO_DIR, 'docs/spec-notes.md'), 'utf8');
  const section = notes.split(/^## Dropped endpoints$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\|\s*(GET|PUT|POST|DELETE|PATCH)\s*\|\s*(\S+)\s*\|\s*(\w+)\s*\|/gm)];
  return new Set(rows.map((m) => `${m[3]} ${shape(`${m[1]} ${m[2]}`)}`));
}

describe('specs > openapi > coverage of the original routes', () => {
  it('lists every original route once in the table', () => {
    const all = Object.values(ORIGINAL).flat().length;
    expect(all).toBe(71);
  });

  it.each(SERVICES)('%s: every original route is specified or listed as dropped', (service) => {
    const present = declared(service);
    const droppedRoutes = dropped();
    const missing = ORIGINAL[service].filter(
      (route) => !present.has(shape(route)) && !droppedRoutes.has(`${service} ${shape(route)}`),
    );
    expect(missing).toEqual([]);
  });
});
