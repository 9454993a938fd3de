import { describe, expect, it } from 'vitest';
import { curlCommand } from '../src/engine/curl.ts';
import { redactBody, redactHeaders, redactToken } from '../src/engine/redact.ts';

describe('redaction and reproduction', () => {
  it('keeps a token readable but unusable: header and claims stay, the signature goes', () => {
    expect(redactToken('aaa.bbb.ccc')).toBe('aaa.bbb.<signature redacted>');
    expect(redactToken('raw.sig')).toBe('raw.<signature redacted>');
    expect(redactToken('aaa.bbb.')).toBe('aaa.bbb.');
    expect(redactHeaders({ Authorization: 'Bearer aaa.bbb.ccc', accept: 'x' })).toEqual({
      Authorization: 'Bearer aaa.bbb.<signature redacted>',
      accept: 'x',
    });
  });

  it('redacts passwords and issued tokens in bodies', () => {
    const body = redactBody('{"email":"a@b.c","password":"hunter22","access_token":"h.p.s"}');
    expect(body).not.toContain('hunter22');
    expect(body).toContain('"access_token":"h.p.<signature redacted>"');
  });

  it('writes a curl command with $TOKEN instead of the bearer and shell-safe quoting', () => {
    const curl = curlCommand({
      method: 'POST',
      url: 'http://127.0.0.1:1/api/messages',
      headers: { authorization: 'Bearer secret.token.sig', 'content-type': 'application/json' },
      body: `{"text":"it's"}`,
    });
    expect(curl).not.toContain('secret.token');
    expect(curl).toContain('"authorization: Bearer $TOKEN"');
    expect(curl).toContain(`--data-raw '{"text":"it'\\''s"}'`);
  });

  it('reproduces multipart requests with -F', () => {
    const curl = curlCommand({
      method: 'POST',
      url: 'http://x/u',
      headers: {},
      form: { chat_id: '7', file: { filename: 'a.txt', type: 'text/plain', content: 'x' } },
    });
    expect(curl).toContain(`-F 'chat_id=7'`);
    expect(curl).toContain(`-F 'file=@a.txt;type=text/plain'`);
  });
});
