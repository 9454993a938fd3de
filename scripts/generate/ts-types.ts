// TypeScript types of the OpenAPI documents (openapi-typescript): the gateway document for the client
// (ts-client/gateway.ts) and each service document for the services (server-types/<service>.ts), with helper types
// that read a handler's body, parameters and responses from an operation (server-types/helpers.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConfig, type Config, type RawUniversalConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { writeOut, tsHeader } from './output.ts';
import { gatewayDoc, serviceDocs, type SpecDoc } from './sources.ts';

const version = (createRequire(import.meta.url)('openapi-typescript/package.json') as { version: string }).version;
const generator = `openapi-typescript ${version}`;

/**
 * A service's handler receives the query after validation has filled every default in (ajv `useDefaults`), so on
 * the server side a query parameter with a default is present: the redocly decorator below marks it `required`
 * in the document openapi-typescript reads (the spec itself is untouched). Path parameters are always required.
 */
type Plugin = Exclude<NonNullable<RawUniversalConfig['plugins']>[number], string>;

const serverSide: Plugin = {
  id: 'server-side',
  decorators: {
    oas3: {
      'defaulted-query-present': () => ({
        Parameter: {
          leave(parameter: { in?: string; required?: boolean; schema?: object }) {
            if (parameter.in === 'query' && parameter.schema && 'default' in parameter.schema)
              parameter.required = true;
          },
        },
      }),
    },
  },
};

/** The redocly configuration openapi-typescript uses by default (duplicate operationIds are errors), plus `serverSide`. */
const serverRedocly = (): Promise<Config> =>
  createConfig(
    {
      plugins: [serverSide],
      decorators: { 'server-side/defaulted-query-present': 'on' },
      rules: { 'operation-operationId-unique': { severity: 'error' } },
    },
    { extends: ['minimal'] },
  );

/**
 * `side` decides what a property with a `default` is. A client may leave it out (the server fills it in), so in the
 * client's types it stays optional as the schema says (`defaultNonNullable: false`): otherwise
 * `api.POST('/api/chats', { body: { name } })` would not compile. A service's handler receives the body after
 * validation has filled every default in, so there it is always present (openapi-typescript's default).
 */
async function typesOf(doc: SpecDoc, side: 'client' | 'server'): Promise<string> {
  const redocly = side === 'server' ? await serverRedocly() : undefined;
  const ast = await openapiTS(pathToFileURL(doc.file), {
    alphabetize: true,
    exportType: false,
    silent: true,
    defaultNonNullable: side === 'server',
    redocly,
  });
  return tsHeader({ generator, sources: [doc.rel] }) + astToString(ast);
}

export async function generateTsTypes(out: string): Promise<void> {
  const gateway = gatewayDoc();
  writeOut(join(out, 'ts-client/gateway.ts'), await typesOf(gateway, 'client'));
  const services = serviceDocs();
  for (const doc of services) writeOut(join(out, 'server-types', `${doc.name}.ts`), await typesOf(doc, 'server'));
  const own = tsHeader({ generator: 'scripts/generate/ts-types.ts', sources: services.map((d) => d.rel) });
  const template = readFileSync(new URL('./templates/server-helpers.ts.tmpl', import.meta.url), 'utf8');
  writeOut(join(out, 'server-types/helpers.ts'), own + template);
  const index = [
    ...services.map((d) => `export type * as ${d.name} from './${d.name}.ts';`),
    "export type * from './helpers.ts';",
  ];
  writeOut(join(out, 'server-types/index.ts'), own + index.join('\n') + '\n');
}
