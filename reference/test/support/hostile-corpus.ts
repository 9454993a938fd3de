import type { OpenAPIV3 } from 'openapi-types';
import type { OperationEntry } from '../../src/shared/spec/load-spec.ts';
import { validPathValue } from './invalid-requests.ts';
import { rawHttp } from './raw-http.ts';

/**
 * Requests built to break a server, as raw bytes (sent by `raw-http.ts`, so nothing normalises them). Each must get
 * an answer below 500 in the documented problem shape; where the right answer is certain the case names its status
 * and the pointer its `errors` must hold.
 */
export interface HostileCase {
  class: string;
  name: string;
  request: Buffer;
  status?: number;
  /** a pointer the problem's `errors` must contain (a RegExp for the deep ones) */
  pointer?: string | RegExp;
}

export interface CorpusTarget {
  token: string;
  userId: string;
  chatId: number;
  /** the gateway document's operations */
  operations: OperationEntry[];
}

const MiB = 1024 * 1024;
const deep = (open: string, inner: string, close: string, levels: number) =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; bytes: Buffer },
): { type: string; body: Buffer } {
  const boundary = 'hostile0boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        'utf8',
      ),
    );
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

export function hostileCorpus(t: CorpusTarget): HostileCase[] {
  const cases: HostileCase[] = [];
  const auth: [string, string] = ['Authorization', `Bearer ${t.token}`];
  const add = (c: HostileCase) => cases.push(c);
  const get = (target: string, headers: [string, string][] = []) => rawHttp('GET', target, [auth, ...headers]);
  const json = (method: string, target: string, body: string | Buffer, headers: [string, string][] = []) =>
    rawHttp(method, target, [auth, ['Content-Type', 'application/json'], ...headers], body);
  const notification = (meta: string) => `{"user_id":"${t.userId}","title":"t","body":"b","meta":${meta}}`;

  // 1. bad percent-encoding in every path parameter of every operation (the 500s of issue 11)
  for (const entry of t.operations) {
    const params = ((entry.operation.parameters ?? []) as OpenAPIV3.ParameterObject[]).filter((p) => p.in === 'path');
    for (const param of params) {
      for (const bad of ['%ZZ', '%C0%AE%C0%AE', '%E0%A4%A', '%ED%A0%80', '%', '%0']) {
        const path = entry.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
          name === param.name
            ? bad
            : encodeURIComponent(
                validPathValue(params.find((p) => p.name === name)!.schema as OpenAPIV3.SchemaObject, t.userId),
              ),
        );
        add({
          class: 'path percent-encoding',
          name: `${entry.method.toUpperCase()} ${path}`,
          request: rawHttp(entry.method.toUpperCase(), path, [auth]),
          status: 400,
          pointer: `/path/${param.name}`,
        });
      }
    }
  }
  add({
    class: 'path percent-encoding',
    name: 'no token, bad encoding',
    request: rawHttp('GET', '/api/chats/%ZZ'),
    status: 401,
  });
  add({
    class: 'path percent-encoding',
    name: 'unknown route with bad encoding',
    request: get('/api/%ZZ/%C0%AE'),
    status: 404,
  });

  // 2. integers in query parameters in forms the schema does not allow
  for (const target of ['/api/chats', `/api/chats/${t.chatId}/messages`]) {
    for (const value of [
      '0x10',
      '0b11',
      '0o7',
      '1e1',
      '%2010',
      '10%20',
      '+5',
      '1.0',
      '1,5',
      'NaN',
      'Infinity',
      '-0',
      '',
      '%00',
      '%EF%BC%91',
      '99999999999999999999999',
      '1'.repeat(2000),
    ]) {
      add({
        class: 'query integers',
        name: `${target}?limit=${value.slice(0, 40)}`,
        request: get(`${target}?limit=${value}`),
        status: 400,
        pointer: '/query/limit',
      });
    }
    add({
      class: 'query integers',
      name: `${target} repeated limit`,
      request: get(`${target}?limit=1&limit=2`),
      status: 400,
      pointer: '/query/limit',
    });
  }
  for (const value of ['-1', '9223372036854775808', '1e400', 'NaN', '-9007199254740993']) {
    add({
      class: 'paging values',
      name: `offset=${value}`,
      request: get(`/api/chats?offset=${value}`),
      status: 400,
      pointer: '/query/offset',
    });
  }
  for (const value of ['0', '101', '-1', '4294967297'])
    add({
      class: 'paging values',
      name: `feed limit=${value}`,
      request: get(`/api/feed?limit=${value}`),
      status: 400,
      pointer: '/query/limit',
    });
  for (const cursor of [
    '%FF%FE',
    '!!!',
    b64('{"id":1e400}'),
    b64(deep('[', '1', ']', 4_000)),
    b64('{"__proto__":{"id":1}}'),
    b64('null'),
    'A'.repeat(8000),
  ]) {
    add({
      class: 'paging values',
      name: `cursor ${cursor.slice(0, 30)}`,
      request: get(`/api/notifications?cursor=${cursor}`),
      status: 400,
      pointer: '/query/cursor',
    });
  }

  // 3. NUL and other text PostgreSQL cannot store: refused as validation with the field's pointer, no database words
  add({
    class: 'text the database cannot store',
    name: 'createChat name with NUL',
    request: json('POST', '/api/chats', JSON.stringify({ name: 'a\u0000b' })),
    status: 400,
    pointer: '/body/name',
  });
  add({
    class: 'text the database cannot store',
    name: 'createPost description with NUL',
    request: json('POST', '/api/posts', JSON.stringify({ description: 'a\u0000b' })),
    status: 400,
    pointer: '/body/description',
  });
  add({
    class: 'text the database cannot store',
    name: 'createInterest name with NUL',
    request: json('POST', '/api/interests', JSON.stringify({ name: 'a\u0000b' })),
    status: 400,
    pointer: '/body/name',
  });
  add({
    class: 'text the database cannot store',
    name: 'registerUser name with NUL',
    request: rawHttp(
      'POST',
      '/api/users',
      [['Content-Type', 'application/json']],
      JSON.stringify({ email: 'nul@example.com', password: 'correct-horse', name: 'a\u0000b' }),
    ),
    status: 400,
    pointer: '/body/name',
  });
  add({
    class: 'text the database cannot store',
    name: 'registerUser password with NUL',
    request: rawHttp(
      'POST',
      '/api/users',
      [['Content-Type', 'application/json']],
      JSON.stringify({ email: 'nul2@example.com', password: 'correct\u0000horse', name: 'n' }),
    ),
    status: 400,
    pointer: '/body/password',
  });
  add({
    class: 'text the database cannot store',
    name: 'message text with NUL',
    request: json('POST', '/api/messages', JSON.stringify({ chat_id: t.chatId, text: '\u0000' })),
    status: 400,
    pointer: '/body/text',
  });
  add({
    class: 'text the database cannot store',
    name: 'NUL in a free-form key',
    request: json('POST', '/api/notifications/test', notification('{"a\\u0000":1}')),
    status: 400,
    pointer: '/body/meta/a\u0000',
  });
  add({
    class: 'text the database cannot store',
    name: 'NUL in the query',
    request: get('/api/users?q=%00'),
    status: 400,
  });

  // 4. deep nesting, in free-form and fixed fields and at the top
  for (const [name, meta] of [
    ['arrays', deep('[', '1', ']', 10_000)],
    ['objects', deep('{"a":', '1', '}', 10_000)],
    ['64 levels below meta', `{"a":${deep('[', '1', ']', 63)}}`],
  ] as const) {
    add({
      class: 'deep nesting',
      name: `meta ${name}`,
      request: json('POST', '/api/notifications/test', notification(meta)),
      status: 400,
      pointer: /^\/body\/meta\//,
    });
  }
  add({
    class: 'deep nesting',
    name: 'meta 60 levels is fine',
    request: json('POST', '/api/notifications/test', notification(`{"a":${deep('[', '1', ']', 60)}}`)),
    status: 201,
  });
  add({
    class: 'deep nesting',
    name: 'fixed field (chat name)',
    request: json('POST', '/api/chats', `{"name":${deep('[', '"x"', ']', 10_000)}}`),
    status: 400,
    pointer: /^\/body\/name/,
  });
  add({
    class: 'deep nesting',
    name: 'top level',
    request: json('POST', '/api/chats', deep('[', '', ']', 100_000)),
    status: 400,
    pointer: /^\/body/,
  });
  add({
    class: 'deep nesting',
    name: 'profile field',
    request: json('PUT', '/api/profile', `{"interests":${deep('{"a":', '1', '}', 10_000)}}`),
    status: 400,
  });

  // 5. malformed JSON
  for (const body of [
    '{',
    '{"name":}',
    '[1,]',
    'nul',
    '{"name":"x"}garbage',
    "{'name':'x'}",
    '{"name":"\\x41"}',
    '{"name":"x",}',
    '"\\ud800"',
    '',
    ' ',
  ]) {
    add({
      class: 'malformed JSON',
      name: JSON.stringify(body),
      request: json('POST', '/api/chats', body),
      status: 400,
    });
  }
  add({
    class: 'malformed JSON',
    name: 'declared length shorter than the body',
    request: json('POST', '/api/chats', '{"name":"x"}', [['Content-Length', '5']]),
    status: 400,
  });

  // 6. bodies of 10 MB
  const tenMb = 'a'.repeat(10 * MiB);
  add({
    class: '10 MB bodies',
    name: 'JSON body',
    request: json('POST', '/api/chats', `{"name":"${tenMb}"}`),
    status: 413,
  });
  add({
    class: '10 MB bodies',
    name: 'JSON free-form meta',
    request: json('POST', '/api/notifications/test', notification(`{"x":"${tenMb}"}`)),
    status: 413,
  });
  add({
    class: '10 MB bodies',
    name: 'register without a token',
    request: rawHttp('POST', '/api/users', [['Content-Type', 'application/json']], `{"name":"${tenMb}"}`),
    status: 413,
  });
  const big = multipart({}, { field: 'file', name: 'big.bin', bytes: Buffer.alloc(10 * MiB + 1, 1) });
  add({
    class: '10 MB bodies',
    name: 'upload over 10 MiB',
    request: rawHttp('POST', '/api/media/upload', [auth, ['Content-Type', big.type]], big.body),
    status: 413,
  });
  add({
    class: '10 MB bodies',
    name: 'presigned PUT over 10 MiB, bad signature',
    request: rawHttp(
      'PUT',
      `/api/media/${t.userId}_x.bin/content?expires=9999999999&signature=x`,
      [['Content-Type', 'application/octet-stream']],
      Buffer.alloc(10 * MiB + 1),
    ),
  });
  add({
    class: '10 MB bodies',
    name: '10 MB of many fields',
    request: json('POST', '/api/chats', `{${Array.from({ length: 400_000 }, (_, i) => `"k${i}":1`).join(',')}}`),
  });

  // 7. __proto__, constructor, prototype
  add({
    class: '__proto__ keys',
    name: 'closed body',
    request: json('POST', '/api/chats', '{"name":"x","__proto__":{"admin":true}}'),
    status: 400,
    pointer: '/body/__proto__',
  });
  add({
    class: '__proto__ keys',
    name: 'free-form meta',
    request: json(
      'POST',
      '/api/notifications/test',
      notification('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    ),
    status: 201,
  });
  add({ class: '__proto__ keys', name: 'query', request: get('/api/chats?__proto__=1&constructor=2'), status: 400 });
  add({
    class: '__proto__ keys',
    name: 'query with brackets',
    request: get('/api/chats?__proto__[polluted]=1'),
    status: 400,
  });
  add({
    class: '__proto__ keys',
    name: 'profile',
    request: json('PUT', '/api/profile', '{"__proto__":{"polluted":true}}'),
  });
  add({
    class: '__proto__ keys',
    name: 'multipart field',
    request: (() => {
      const m = multipart(
        { __proto__x: 'a', ['__proto__']: 'b' },
        { field: 'file', name: 'p.txt', bytes: Buffer.from('x') },
      );
      return rawHttp('POST', '/api/media/upload', [auth, ['Content-Type', m.type]], m.body);
    })(),
  });

  // 8. invalid UTF-8 and lone surrogates
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  for (const [name, raw] of [
    ['0xFF 0xFE', [0xff, 0xfe]],
    ['overlong /', [0xc0, 0xaf]],
    ['CESU surrogate', [0xed, 0xa0, 0x80]],
    ['truncated', [0xe0, 0xa4]],
    ['5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ] as const) {
    add({
      class: 'invalid UTF-8 and lone surrogates',
      name: `JSON body ${name}`,
      request: json('POST', '/api/chats', bytes('{"name":"a', [...raw], '"}')),
      status: 400,
      pointer: '/body',
    });
  }
  add({
    class: 'invalid UTF-8 and lone surrogates',
    name: 'lone high surrogate',
    request: json('POST', '/api/chats', '{"name":"a\\ud800b"}'),
    status: 400,
    pointer: '/body/name',
  });
  add({
    class: 'invalid UTF-8 and lone surrogates',
    name: 'lone low surrogate in meta key',
    request: json('POST', '/api/notifications/test', notification('{"\\udc00":1}')),
    status: 400,
    pointer: '/body/meta/\udc00',
  });
  add({
    class: 'invalid UTF-8 and lone surrogates',
    name: 'a valid pair is fine',
    request: json('POST', '/api/chats', '{"name":"\\ud83d\\ude00"}'),
    status: 201,
  });
  add({ class: 'invalid UTF-8 and lone surrogates', name: 'query bytes', request: get('/api/users?q=%FF%C0%AE') });
  const message = JSON.stringify({ chat_id: t.chatId, text: 'key bytes' });
  add({
    class: 'invalid UTF-8 and lone surrogates',
    name: 'header bytes',
    request: Buffer.concat([
      Buffer.from(
        `POST /api/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.token}\r\nContent-Type: application/json\r\nIdempotency-Key: `,
      ),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from(`\r\nContent-Length: ${message.length}\r\nConnection: close\r\n\r\n${message}`),
    ]),
  });
  const file = multipart({}, { field: 'file', name: 'x.txt', bytes: Buffer.from('x') });
  const badField = Buffer.concat([
    Buffer.from('--hostile0boundary\r\nContent-Disposition: form-data; name="prefix"\r\n\r\n'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('\r\n'),
    file.body,
  ]);
  add({
    class: 'invalid UTF-8 and lone surrogates',
    name: 'multipart field',
    request: rawHttp('POST', '/api/media/upload', [auth, ['Content-Type', file.type]], badField),
    status: 400,
  });

  // 9. path traversal in media keys
  for (const key of [
    '..%2F..%2Fetc%2Fpasswd',
    '..%2Fx',
    '%2E%2E',
    '..',
    '.',
    '..%5C..%5Cwindows',
    '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '..%252F..%252Fetc',
  ]) {
    add({ class: 'media key traversal', name: `GET /api/media/${key}`, request: get(`/api/media/${key}`) });
    add({
      class: 'media key traversal',
      name: `GET /api/media/${key}/content`,
      request: get(`/api/media/${key}/content?expires=9999999999&signature=x`),
    });
    add({
      class: 'media key traversal',
      name: `DELETE /api/media/${key}`,
      request: rawHttp('DELETE', `/api/media/${key}`, [auth]),
    });
  }
  add({
    class: 'media key traversal',
    name: 'raw ../ in the request target',
    request: get('/api/media/../../etc/passwd'),
    status: 404,
  });
  for (const prefix of ['..', '.']) {
    const m = multipart({ prefix }, { field: 'file', name: 'x.txt', bytes: Buffer.from('x') });
    add({
      class: 'media key traversal',
      name: `upload with prefix ${prefix}`,
      request: rawHttp('POST', '/api/media/upload', [auth, ['Content-Type', m.type]], m.body),
      status: 400,
      pointer: '/multipart/prefix',
    });
    add({
      class: 'media key traversal',
      name: `presign with prefix ${prefix}`,
      request: json('POST', '/api/media/presign', JSON.stringify({ prefix, file_name: 'x.txt' })),
      status: 400,
      pointer: '/body/prefix',
    });
  }
  const upload = multipart({}, { field: 'file', name: '../../etc/passwd', bytes: Buffer.from('x') });
  add({
    class: 'media key traversal',
    name: 'upload with a ../ file name (the key keeps only its base name)',
    request: rawHttp('POST', '/api/media/upload', [auth, ['Content-Type', upload.type]], upload.body),
    status: 201,
  });

  // 10. wrong content types
  for (const type of [
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'multipart/form-data',
    'multipart/form-data; boundary=nope',
    ';;;',
    'application/json, text/plain',
  ]) {
    add({
      class: 'wrong content types',
      name: type,
      request: rawHttp('POST', '/api/chats', [auth, ['Content-Type', type]], '{"name":"x"}'),
    });
  }
  add({
    class: 'wrong content types',
    name: 'a body without a Content-Type',
    request: rawHttp('POST', '/api/chats', [auth], '{"name":"x"}'),
    status: 415,
  });
  add({
    class: 'wrong content types',
    name: 'JSON to the upload',
    request: json('POST', '/api/media/upload', '{"file":"x"}'),
    status: 415,
  });
  add({
    class: 'wrong content types',
    name: 'unknown Content-Encoding',
    request: json('POST', '/api/chats', '{"name":"x"}', [['Content-Encoding', 'compress']]),
    status: 415,
  });
  add({
    class: 'wrong content types',
    name: 'gzip that is not gzip',
    request: json('POST', '/api/chats', '{"name":"x"}', [['Content-Encoding', 'gzip']]),
    status: 400,
  });

  // 11. duplicate headers
  add({
    class: 'duplicate headers',
    name: 'two Content-Length',
    request: rawHttp(
      'POST',
      '/api/chats',
      [auth, ['Content-Type', 'application/json'], ['Content-Length', '12'], ['Content-Length', '13']],
      '{"name":"x"}',
    ),
    status: 400,
  });
  add({
    class: 'duplicate headers',
    name: 'Content-Length and chunked',
    request: rawHttp(
      'POST',
      '/api/chats',
      [auth, ['Content-Type', 'application/json'], ['Content-Length', '12'], ['Transfer-Encoding', 'chunked']],
      'c\r\n{"name":"x"}\r\n0\r\n\r\n',
    ),
    status: 400,
  });
  add({
    class: 'duplicate headers',
    name: 'two Authorization (the second a bad token)',
    request: rawHttp('GET', '/api/chats', [auth, ['Authorization', 'Bearer bad']]),
  });
  add({
    class: 'duplicate headers',
    name: 'two Content-Type',
    request: rawHttp(
      'POST',
      '/api/chats',
      [auth, ['Content-Type', 'application/json'], ['Content-Type', 'text/plain']],
      '{"name":"x"}',
    ),
  });
  add({
    class: 'duplicate headers',
    name: 'two Idempotency-Key',
    request: json('POST', '/api/messages', JSON.stringify({ chat_id: t.chatId, text: 'dup' }), [
      ['Idempotency-Key', 'a'],
      ['Idempotency-Key', 'b'],
    ]),
  });
  add({
    class: 'duplicate headers',
    name: 'two Host',
    request: rawHttp('GET', '/healthz', [
      ['Host', 'a'],
      ['Host', 'b'],
    ]),
  });

  // 12. what Node's HTTP server refuses itself
  const refused = (name: string, request: Buffer, status: number) =>
    add({ class: 'HTTP parser refusals', name, request, status });
  refused('a 20 KB header', get('/api/chats', [['X-Big', 'a'.repeat(20_000)]]), 431);
  refused('a 100 KB query string', get(`/api/chats?q=${'a'.repeat(100_000)}`), 431);
  refused('a 100 KB bearer', rawHttp('GET', '/api/chats', [['Authorization', `Bearer ${'a'.repeat(100_000)}`]]), 431);
  refused(
    'a raw NUL in the path',
    Buffer.from('GET /api/ch\u0000ats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
    400,
  );
  refused(
    'a raw NUL in a header',
    Buffer.from('GET /api/chats HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n', 'latin1'),
    400,
  );
  refused('method FOO', rawHttp('FOO', '/api/chats'), 400);
  refused('a request line of garbage', Buffer.from('GARBAGE\r\n\r\n'), 400);
  refused('the HTTP/2 preface', Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), 400);
  refused('a header without a colon', Buffer.from('GET /api/chats HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n'), 400);
  refused('an obsolete folded header', Buffer.from('GET /api/chats HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n'), 400);
  refused(
    'a bad chunk size',
    rawHttp(
      'POST',
      '/api/chats',
      [auth, ['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']],
      'zz\r\nabc\r\n0\r\n\r\n',
    ),
    400,
  );
  refused('HTTP/1.1 without Host', Buffer.from('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'), 400);
  refused('CONNECT', Buffer.from('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'), 400);
  refused(
    'an unknown Expect',
    rawHttp('POST', '/api/chats', [auth, ['Content-Type', 'application/json'], ['Expect', 'teapot']], '{"name":"x"}'),
    417,
  );
  refused('HTTP/3.0', Buffer.from('GET /healthz HTTP/3.0\r\nHost: x\r\n\r\n'), 400);
  return cases;
}

/** The parser-level refusals alone, for servers other than the gateway (split services). */
export const parserRefusals = (cases: HostileCase[]) => cases.filter((c) => c.class === 'HTTP parser refusals');
