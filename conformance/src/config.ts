import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { AdminCredential } from './engine/identities.ts';
import type { RateLimitBudget } from './engine/rate-limit.ts';
import type { ExtraClaims } from './engine/tokens.ts';
import { UsageError } from './engine/usage.ts';

/** conformance.yaml as conformance.schema.json describes it. */
export interface ConfigFile {
  baseUrl?: string;
  services?: Record<string, string>;
  pathPrefix?: string;
  jwtSecret?: string;
  jwtSecretEnv?: string;
  tokenClaims?: ExtraClaims;
  admin?: { header: string; value?: string; valueEnv?: string };
  rateLimit?: Partial<RateLimitBudget>;
  kafkaBrokers?: string[];
  timeout?: number;
  concurrency?: number;
  only?: string[];
  skip?: string[];
  /** Recording doubles by the service they stand in for: {} starts one, {url} reads one the deployment started. */
  doubles?: Record<string, { url?: string }>;
}

export const CONFIG_SCHEMA = JSON.parse(readFileSync(new URL('../conformance.schema.json', import.meta.url), 'utf8'));

const Ajv = (AjvModule as any).default ?? AjvModule;
const addFormats = (addFormatsModule as any).default ?? addFormatsModule;
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(CONFIG_SCHEMA);

/** Reads and validates a config file; every problem is a usage error naming the field. */
export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new UsageError(`--config ${path}: not YAML: ${(error as Error).message}`);
  }
  return checkConfig(data, path, env);
}

export function checkConfig(data: unknown, path = 'config', env: NodeJS.ProcessEnv = process.env): ConfigFile {
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(
      (e: any) =>
        `  ${e.instancePath || '(top level)'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`,
    );
    throw new UsageError(
      `--config ${path} does not match conformance.schema.json:\n${[...new Set(problems)].join('\n')}`,
    );
  }
  const config = data as ConfigFile;
  if (config.jwtSecretEnv && !env[config.jwtSecretEnv])
    throw new UsageError(`--config ${path}: jwtSecretEnv names ${config.jwtSecretEnv}, which is not set`);
  if (config.admin?.valueEnv && !env[config.admin.valueEnv])
    throw new UsageError(`--config ${path}: admin.valueEnv names ${config.admin.valueEnv}, which is not set`);
  return config;
}

export function jwtSecretOf(config: ConfigFile, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return config.jwtSecret ?? (config.jwtSecretEnv ? env[config.jwtSecretEnv] : undefined);
}

export function adminOf(config: ConfigFile, env: NodeJS.ProcessEnv = process.env): AdminCredential | undefined {
  if (!config.admin) return undefined;
  return { header: config.admin.header, value: config.admin.value ?? env[config.admin.valueEnv!]! };
}

/** The config's doubles as --double values (NAME, or NAME=URL). */
export function doublesOf(config: ConfigFile): string[] {
  return Object.entries(config.doubles ?? {}).map(([name, d]) => (d.url ? `${name}=${d.url}` : name));
}
