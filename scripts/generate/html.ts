// Self-contained HTML documentation, readable offline (no CDN at view time):
//  - each OpenAPI document: Redoc through `redocly build-docs --inlineBundle` (the Redoc bundle inlined);
//  - each AsyncAPI document: the AsyncAPI React component's standalone bundle and stylesheet inlined with the parsed
//    document (the renderer @asyncapi/html-template uses, without the generator and puppeteer; docs/decisions/).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Parser, fromFile, stringify } from '@asyncapi/parser';
import { htmlHeader, writeOut } from './output.ts';
import { ROOT, asyncApiDocs, openApiDocs, type SpecDoc } from './sources.ts';

const require = createRequire(import.meta.url);
const exec = promisify(execFile);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

async function redocHtml(doc: SpecDoc, target: string): Promise<void> {
  await exec(join(ROOT, 'node_modules/.bin/redocly'), ['build-docs', doc.file, '--output', target, '--inlineBundle'], {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const html = readFileSync(target, 'utf8');
  const header = htmlHeader({
    generator: `@redocly/cli ${versionOf('@redocly/cli')} build-docs --inlineBundle`,
    sources: [doc.rel],
  });
  // After the doctype, where a comment cannot affect how the page is parsed.
  const doctype = /^<!DOCTYPE html>\s*/i.exec(html)?.[0] ?? '';
  writeOut(target, doctype.trimEnd() + (doctype ? '\n' : '') + header + html.slice(doctype.length));
}

/** Code that may sit inside <script>: a `</script` in a string or regex literal would end the element early. */
const scriptSafe = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');
/** JSON inside <script>: `<\/` is the same string to JSON.parse and to JavaScript. */
const jsonSafe = (json: string) => json.replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--');

async function asyncApiHtml(doc: SpecDoc): Promise<string> {
  const { document, diagnostics } = await fromFile(new Parser(), doc.file).parse();
  if (!document) throw new Error(`${doc.rel} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  const component = '@asyncapi/react-component';
  const bundle = readFileSync(require.resolve(`${component}/browser/standalone/index.js`), 'utf8');
  const css = readFileSync(require.resolve(`${component}/styles/default.min.css`), 'utf8');
  const schema = JSON.stringify(stringify(document));
  const config = { show: { sidebar: true, errors: true }, sidebar: { showOperations: 'byDefault' } };
  const title = document.info().title();
  return [
    '<!DOCTYPE html>',
    htmlHeader({ generator: `${component} ${versionOf(component)} (standalone bundle)`, sources: [doc.rel] }).trimEnd(),
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="asyncapi"></div>',
    `<script>${scriptSafe(bundle)}</script>`,
    `<script>AsyncApiStandalone.render({ schema: ${jsonSafe(schema)}, config: ${JSON.stringify(config)} }, document.getElementById('asyncapi'));</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export async function generateHtml(out: string): Promise<void> {
  await Promise.all(openApiDocs().map((doc) => redocHtml(doc, join(out, 'html/openapi', `${doc.name}.html`))));
  for (const doc of asyncApiDocs()) writeOut(join(out, 'html/asyncapi', `${doc.name}.html`), await asyncApiHtml(doc));
}
