// How a test reaches the real infrastructure that `npm test` starts (scripts/infra/*.sh).
// Without it a test is skipped on a developer's machine, but under CI (CI=true) it FAILS: nothing skips silently there.
import { describe, it } from 'vitest';

type Suite = (value: string) => void;

function withInfra(what: string, envVar: string, name: string, suite: Suite): void {
  // vitest.config.ts runs the in-process group two files at a time: real infrastructure there would be shared.
  if (process.env.TEST_GROUP === 'in-process')
    throw new Error(
      `${name} needs ${what}: list its file in CONFORMANCE_SHARED (vitest.config.ts), which runs one at a time`,
    );
  const value = process.env[envVar];
  if (value) {
    describe(name, () => suite(value));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${what}`, () => {
        throw new Error(`${envVar} is not set: under CI=true a test that needs ${what} fails instead of skipping`);
      });
    });
  } else {
    describe.skip(`${name} (needs ${what}: run \`npm test\`, which starts it)`, () => {
      it('skipped', () => undefined);
    });
  }
}

/** Real PostgreSQL: `TEST_DATABASE_URL`, a database the test may create schemas in. */
export const withPostgres = (name: string, suite: Suite): void =>
  withInfra('PostgreSQL', 'TEST_DATABASE_URL', name, suite);

/** Real Apache Kafka: `KAFKA_BROKERS`, comma-separated host:port. */
export const withKafka = (name: string, suite: Suite): void => withInfra('Apache Kafka', 'KAFKA_BROKERS', name, suite);
