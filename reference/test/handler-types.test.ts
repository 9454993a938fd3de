// Handlers take their types from generated/server-types. The type-level half is checked by tsc (`npm run typecheck`:
// each `@ts-expect-error` below fails the build when the error it marks disappears); the source half keeps every
// handler typed by its own operation, with no cast of what the request brought.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { chats, notifications } from '@socialnet/generated/server-types/index.ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Handler, HandlersOf } from '../src/platform/service-module.ts';
import { ALL_SERVICES } from '../src/platform/services.ts';
import { whoami } from '../src/services/whoami.ts';

const SERVICES = fileURLToPath(new URL('../src/services', import.meta.url));
const handlerFiles = readdirSync(SERVICES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /^[^/]+\/handlers\/[^/]+\.ts$/.test(f))
  .map((f) => ({ file: f, service: f.split('/')[0]!, source: readFileSync(join(SERVICES, f), 'utf8') }));

const getChat: Handler<chats.operations['getChat']> = async (ctx) => {
  expectTypeOf(ctx.params.chat_id).toEqualTypeOf<number>();
  return {
    status: 200,
    body: { id: ctx.params.chat_id, name: 'n', owner_id: 'u', open: false, created_at: new Date(0) },
  };
};
const listChats: Handler<chats.operations['listChats']> = async (ctx) => {
  expectTypeOf(ctx.query).toEqualTypeOf<{ limit: number; offset: number }>();
  return { status: 200, body: { items: [], limit: ctx.query.limit, offset: ctx.query.offset } };
};

describe('typed handlers', () => {
  it('see their operation’s parameters and body, and may return only its documented statuses and bodies', async () => {
    const create: Handler<notifications.operations['createTestNotification']> = async (ctx) => {
      expectTypeOf(ctx.body.user_id).toEqualTypeOf<string>();
      // @ts-expect-error the operation has no path parameters
      void ctx.params.user_id;
      return {
        status: 201,
        body: {
          id: 'i',
          user_id: 'u',
          kind: ctx.body.kind,
          title: 't',
          body: '',
          read: false,
          created_at: new Date(0),
        },
      };
    };
    const row = { id: 'i', user_id: 'u', title: 't', body: '', read: false, created_at: '' };
    // @ts-expect-error `kind` is 'message' | 'post'
    const wrongBody: Handler<notifications.operations['createTestNotification']> = async () => ({
      status: 201,
      body: { ...row, kind: 'other' },
    });
    // @ts-expect-error 202 is not a status the operation documents
    const undocumented: Handler<chats.operations['getChat']> = async () => ({ status: 202 });
    expect([create, wrongBody, undocumented].map((h) => typeof h)).toEqual(['function', 'function', 'function']);
  });

  it('are registered under their own operationId, and fit where an untyped handler is expected (variants)', () => {
    const registry = { getChat, listChats } satisfies HandlersOf<chats.operations>;
    // @ts-expect-error a getChat handler under listChats: its query would be missing
    const swapped = { listChats: getChat } satisfies HandlersOf<chats.operations>;
    // @ts-expect-error not an operation of the chats service
    const unknown = { getPost: getChat } satisfies HandlersOf<chats.operations>;
    const variantHandlers: Record<string, Handler> = registry;
    expect(Object.keys({ ...variantHandlers, ...swapped, ...unknown })).toEqual(['getChat', 'listChats', 'getPost']);
  });

  it('every handler of every service names its own operation and casts nothing the request brought', () => {
    const typed = /export const (\w+): Handler<(\w+)\.operations\['(\w+)'\]>/;
    const declared = handlerFiles.flatMap(({ file, service, source }) => {
      const m = typed.exec(source);
      return m ? [{ file, name: m[1], service: m[2], operation: m[3], expectedService: service }] : [];
    });
    // the shared `whoami` (services/whoami.ts) serves several operations and needs nothing typed
    const registered = ALL_SERVICES.flatMap((s) =>
      Object.entries(s.handlers)
        .filter(([, h]) => h !== whoami)
        .map(([id]) => id),
    );
    expect(declared.map((d) => d.name).sort()).toEqual([...registered].sort());
    for (const d of declared) expect([d.operation, d.service], d.file).toEqual([d.name, d.expectedService]);
    const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const cast = /(?<![\w.])(ctx\.)?(body|params|query)(\??\.\w+)*\)? as /;
    const casts = handlerFiles.filter(({ source }) => cast.test(code(source))).map((f) => f.file);
    expect(casts).toEqual([]);
  });
});
