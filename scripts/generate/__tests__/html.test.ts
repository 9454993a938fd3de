// The HTML docs are self-contained: nothing is fetched from a CDN when a reader opens them, and the AsyncAPI pages
// render their documents offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT } from '../../generate.ts';
import { asyncApiDocs, openApiDocs } from '../sources.ts';
import { listFiles } from './files.ts';

const htmlDir = join(DEFAULT_OUT, 'html');
const pages = listFiles(htmlDir).filter((f) => f.endsWith('.html'));

describe('generated/html', () => {
  it('has one page per OpenAPI and AsyncAPI document', () => {
    expect(pages).toEqual([
      ...asyncApiDocs().map((d) => `asyncapi/${d.name}.html`),
      ...openApiDocs().map((d) => `openapi/${d.name}.html`),
    ]);
  });

  it.each(pages)('%s loads no script or stylesheet from the network', (page) => {
    const html = readFileSync(join(htmlDir, page), 'utf8');
    expect(html.match(/<script[^>]*\ssrc=["']?(https?:)?\/\/[^>]*>/gi) ?? []).toEqual([]);
    expect(html.match(/<link[^>]*\shref=["']?(https?:)?\/\/[^>]*>/gi) ?? []).toEqual([]);
    expect(html.match(/@import\s+(url\()?["']?(https?:)?\/\//gi) ?? []).toEqual([]);
  });

  it.each(asyncApiDocs().map((d) => d.name))(
    'asyncapi/%s.html renders its channels offline',
    async (name) => {
      const requests: string[] = [];
      const errors: string[] = [];
      const virtualConsole = new VirtualConsole();
      virtualConsole.on('jsdomError', (e) => errors.push(e.message));
      const offline = (url: unknown) => {
        requests.push(String(url));
        return Promise.reject(new Error('offline'));
      };
      const dom = new JSDOM(readFileSync(join(htmlDir, 'asyncapi', `${name}.html`), 'utf8'), {
        runScripts: 'dangerously',
        pretendToBeVisual: true,
        virtualConsole,
        beforeParse(window) {
          // What a browser has and jsdom lacks; fetch refuses, so any network use would show up in `requests`.
          Object.assign(window, {
            fetch: offline,
            Headers,
            Request,
            Response,
            TextEncoder,
            TextDecoder,
            structuredClone,
          });
          Object.assign(window, {
            ResizeObserver: class {
              observe() {}
              unobserve() {}
              disconnect() {}
            },
          });
        },
      });
      const root = dom.window.document.getElementById('asyncapi');
      const deadline = Date.now() + 30_000;
      while (!root?.textContent?.includes('.dlq') && errors.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      dom.window.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(root?.textContent).toContain(`${name}.created`);
      expect(root?.textContent).toContain('.dlq');
    },
    60_000,
  );
});
