import { defineCheck } from '../../engine/check.ts';
import { watchTopic } from '../../engine/kafka.ts';
import { is2xx } from '../../engine/verdict.ts';

const CE_HEADERS = ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'content-type'];

/**
 * An operation with x-emits, called successfully, produces a record on the declared channel whose key is the
 * declared field of the response, in the CloudEvents Kafka binary envelope, within the event deadline.
 */
export default defineCheck({
  id: 'events.emitted',
  title: 'An operation with x-emits produces its event, keyed as declared, in the CloudEvents envelope',
  clause: 'SN-EVENTS-EMIT',
  tags: ['events', 'defect:X10'],
  requires: ['kafka'],
  failure: 'An operation that must emit an event did not emit it as the spec says',
  targets: (spec) => spec.operations.filter((op) => op.emits.length > 0),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const req = (await ctx.resolver(owner).fill(op))!;
    const watches = await Promise.all(
      op.emits.map((e) => watchTopic(ctx.options.kafkaBrokers!, e.channel, ctx.options.eventDeadlineMs)),
    );
    try {
      const res = await ctx.send(op, req, { as: owner });
      if (!is2xx(res.status)) ctx.block(`${op.operationId} failed with ${res.status}, so no event is due`);
      for (const [i, emit] of op.emits.entries()) {
        const key = emit.key ? String(valueAt({ response: { body: res.json } }, emit.key)) : undefined;
        const id = res.json?.id;
        const record = await ctx.poll(async () =>
          watches[i]!.records.find(
            (r) =>
              (key === undefined || r.key === key) &&
              (id === undefined || JSON.stringify(parse(r.value)).includes(JSON.stringify(id))),
          ),
        );
        if (!record) {
          ctx.fail({
            severity: 'deviation',
            expected: `a record on ${emit.channel}${key ? ` with key ${key}` : ''} within ${ctx.options.eventDeadlineMs} ms`,
            received: `none (${watches[i]!.records.length} other records)`,
            response: res,
          });
          continue;
        }
        const missing = CE_HEADERS.filter((h) => !record.headers[h]);
        const problems = [
          ...missing.map((h) => `no ${h} header`),
          ...(record.headers.ce_specversion && record.headers.ce_specversion !== '1.0'
            ? [`ce_specversion ${record.headers.ce_specversion}`]
            : []),
          ...(parse(record.value) === undefined ? ['a value that is not JSON'] : []),
        ];
        if (problems.length) {
          ctx.fail({
            severity: 'deviation',
            expected: `the CloudEvents Kafka binary envelope (${CE_HEADERS.join(', ')}) on ${emit.channel}`,
            received: problems.join('; '),
            response: res,
          });
        }
      }
    } finally {
      await Promise.all(watches.map((w) => w.close()));
    }
  },
});

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<any>((node, part) => node?.[part], root);
}

function parse(value: Buffer | null): unknown {
  try {
    return value ? JSON.parse(value.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}
