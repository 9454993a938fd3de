import { defineCheck } from '../../engine/check.ts';
import { judgeProblem } from '../../engine/contract.ts';

/** Unknown routes get a problem+json 404 and a known path with another method a problem+json 405 with Allow. */
export default defineCheck<string>({
  id: 'contract.unknown-route',
  title: 'Unknown routes get 404 and wrong methods 405 with Allow, both as problem+json',
  clause: 'SN-ERROR-SHAPE',
  tags: ['contract'],
  failure: 'An unknown route or a wrong method was not answered as the spec says',
  targets: (spec) => spec.services,
  label: (service) => `service ${service}`,
  async run(ctx, service) {
    const ops = ctx.spec.operations.filter(
      (o) => o.service === service && (ctx.target.services[service] || (ctx.target.baseUrl && o.gateway)),
    );
    const op = ops.find((o) => !o.parameters.some((p) => p.in === 'path'));
    if (!op) return ctx.skip(`no reachable operation of ${service} without path parameters`);
    const url = ctx.url(op, { path: {}, query: {}, headers: {} });
    const root =
      ctx.target.services[service] ??
      `${ctx.target.baseUrl}${op.gatewayPath.slice(0, op.gatewayPath.length - op.servicePath.length)}`;
    const unknown = await ctx.http.send({ method: 'GET', url: `${root}/conformance-no-such-route` });
    if (unknown.status !== 404)
      ctx.fail({
        severity: 'deviation',
        expected: '404 for an unknown route',
        received: `${unknown.status}`,
        response: unknown,
        operation: op,
      });
    else judgeProblem(ctx, unknown, 'an unknown route');
    const used = new Set(ctx.spec.operations.filter((o) => o.gatewayPath === op.gatewayPath).map((o) => o.method));
    const method = ['patch', 'put', 'delete', 'post'].find((m) => !used.has(m as never))!;
    const wrong = await ctx.http.send({ method, url, json: {} });
    if (wrong.status !== 405)
      ctx.fail({
        severity: 'deviation',
        expected: `405 for ${method.toUpperCase()} on ${op.gatewayPath}`,
        received: `${wrong.status}`,
        response: wrong,
        operation: op,
      });
    else {
      judgeProblem(ctx, wrong, 'a method the path does not have');
      if (!wrong.headers.allow)
        ctx.fail({
          severity: 'deviation',
          expected: 'an Allow header with the 405',
          received: 'no Allow header',
          response: wrong,
          operation: op,
        });
    }
  },
});
