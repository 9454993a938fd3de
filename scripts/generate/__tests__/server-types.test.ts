// The server types give a handler its body, parameters and responses by operationId (checked by tsc: a wrong type
// here fails `npm run typecheck`); at run time, the values below are what such a handler would see.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  chats,
  users,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
  Status,
} from '../../../generated/server-types/index.ts';

type Send = chats.operations['sendMessage'];
type History = chats.operations['listChatMessages'];

describe('generated/server-types', () => {
  it('reads the request body, parameters and responses of an operation', () => {
    const body: RequestBody<Send> = { chat_id: 7, text: 'hello' };
    const params: PathParams<History> = { chat_id: 7 };
    const query: QueryParams<History> = { limit: 20 };
    const problem: ResponseBody<Send, 404> = {
      type: 'https://socialnet.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
    };
    expectTypeOf<Status<Send>>().toMatchTypeOf<number>();
    expectTypeOf<ResponseBody<History, 200>>().toHaveProperty('next_cursor');
    // @ts-expect-error text must be a string
    const wrong: RequestBody<Send> = { chat_id: 7, text: 42 };
    expect([body, params, query, problem.status, wrong.chat_id]).toEqual([
      { chat_id: 7, text: 'hello' },
      { chat_id: 7 },
      { limit: 20 },
      404,
      7,
    ]);
  });

  it('reads an optional request body as possibly absent, and none as never', () => {
    expectTypeOf<RequestBody<users.operations['deleteRelationship']>>().toEqualTypeOf<
      users.components['schemas']['RelationshipRequest'] | undefined
    >();
    expectTypeOf<RequestBody<Send>>().toEqualTypeOf<chats.components['schemas']['SendMessageRequest']>();
    expectTypeOf<RequestBody<History>>().toBeNever();
  });

  it('has the query parameters with a default present (validation fills them in), the others optional', () => {
    expectTypeOf<QueryParams<History>['limit']>().toEqualTypeOf<number>();
    expectTypeOf<QueryParams<History>['cursor']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error limit has a default (50), so a handler always sees it
    const noLimit: QueryParams<History> = { cursor: 'abc' };
    expect(noLimit.cursor).toBe('abc');
  });
});
