import { startPlatform, type Platform, type PlatformOptions } from '../../src/index.ts';
import { freshDatabase } from '../../../scripts/testing/scratch-database.ts';

export const TEST_SECRET = 'reference-test-secret-at-least-32-bytes!!';

export type Backend = 'pglite' | 'postgres';

/** A platform for one test file: embedded PGlite, or a fresh database on the real PostgreSQL (`adminUrl`). */
export async function startTestPlatform(
  backend: Backend,
  adminUrl?: string,
  extra: Partial<PlatformOptions> = {},
): Promise<Platform> {
  if (backend === 'pglite') return startPlatform({ jwtSecret: TEST_SECRET, logLevel: 'silent', ...extra });
  const database = await freshDatabase(adminUrl!, 'ref');
  const platform = await startPlatform({
    jwtSecret: TEST_SECRET,
    logLevel: 'silent',
    databaseUrl: database.url,
    ...extra,
  });
  return {
    ...platform,
    close: async () => {
      await platform.close();
      await database.drop();
    },
  };
}
