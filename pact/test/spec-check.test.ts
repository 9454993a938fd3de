import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPact, readPacts } from '../../conformance/src/pact/pact-files.ts';
import { checkHttpPact, checkMessagePact } from '../../conformance/src/pact/spec-check.ts';
import { PACTS_DIR } from './support/pact-files.ts';

/** A committed pact with one change, written to a scratch folder: what a drifting consumer would commit. */
function drifted(file: string, change: (pact: any) => void) {
  const pact = JSON.parse(readFileSync(path.join(PACTS_DIR, file), 'utf8'));
  change(pact);
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'pact-drift-')), file);
  writeFileSync(target, JSON.stringify(pact));
  return readPact(target);
}

const all = (findings: Map<string, string[]>) => [...findings.values()].flat();

describe('every pact interaction checked against the provider’s OpenAPI/AsyncAPI document', () => {
  it('the committed pacts agree with the specs', async () => {
    for (const pact of readPacts()) {
      const findings = pact.kind === 'http' ? await checkHttpPact(pact) : await checkMessagePact(pact);
      expect({ pact: pact.path, findings: all(findings) }).toEqual({ pact: pact.path, findings: [] });
    }
  });

  describe('HTTP (openapi-pact-comparator)', () => {
    it('flags a consumer that expects a response field the spec does not define', async () => {
      const pact = drifted(
        'posts-media.json',
        (p) => (p.interactions[0].response.body.content.thumbnail_url = 'http://x/t.png'),
      );
      expect(all(await checkHttpPact(pact)).join('\n')).toMatch(/thumbnail_url/);
    });

    it('flags a consumer that calls a path the provider does not have', async () => {
      const pact = drifted('feed-users.json', (p) => (p.interactions[0].request.path = '/users/relationships'));
      expect(all(await checkHttpPact(pact)).join('\n')).toMatch(/request\.path-or-method\.unknown/);
    });

    it('flags a query parameter outside the spec’s range', async () => {
      const pact = drifted('feed-users.json', (p) => (p.interactions[0].request.query.type = ['7']));
      expect(all(await checkHttpPact(pact)).join('\n')).toMatch(/type/);
    });
  });

  describe('messages (AsyncAPI schemas through the suite’s validator)', () => {
    it('flags a payload field the schema does not define, even though additionalProperties allows it', async () => {
      const pact = drifted('notifications-chats.json', (p) => (p.interactions[0].contents.content.sender_name = 'ann'));
      expect(all(await checkMessagePact(pact)).join('\n')).toMatch(/payload field "sender_name" is not in the schema/);
    });

    it('flags a missing required field, a wrong source and a key that is not the aggregate id', async () => {
      const pact = drifted('notifications-chats.json', (p) => {
        delete p.interactions[0].contents.content.send_time;
        p.interactions[0].metadata.ce_source = '/socialnet/chat-service';
        p.interactions[0].metadata.key = '4';
      });
      const text = all(await checkMessagePact(pact)).join('\n');
      expect(text).toMatch(/must have required property 'send_time'/);
      expect(text).toMatch(/ce_source "\/socialnet\/chat-service" is not \/socialnet\/message-service/);
      expect(text).toMatch(/key "4" is not the payload's \/chat_id/);
    });

    it('flags an unknown event type and a header the envelope forbids', async () => {
      const unknown = drifted(
        'feed-posts.json',
        (p) => (p.interactions[0].metadata.ce_type = 'dev.socialnet.posts.published.v1'),
      );
      expect(all(await checkMessagePact(unknown)).join('\n')).toMatch(/no AsyncAPI message has this x-ce-type/);
      const version = drifted('feed-posts.json', (p) => (p.interactions[0].metadata.ce_specversion = '0.3'));
      expect(all(await checkMessagePact(version)).join('\n')).toMatch(/ce_specversion/);
    });
  });
});
