import { defineCheck } from '../../engine/check.ts';
import { NOT_IMPLEMENTED } from '../../engine/control.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';
import { isRedirect, redirectText } from '../../engine/redirects.ts';

/** The standard HS256 JWT issued by the users service is accepted by every secured operation of every service. */
export default defineCheck({
  id: 'authn.accepts-valid-jwt',
  title: 'Every secured operation accepts the standard JWT issued by the users service',
  clause: 'SN-AUTHN-STANDARD-JWT',
  tags: ['authn', 'defect:D2'],
  failure: 'A secured operation refused a valid standard JWT',
  targets: (spec) => spec.operations.filter((op) => op.secured),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const req = await fillOrSample(ctx, op, owner);
    const as = op.authz.some((r) => r.rule === 'admin') && ctx.canAdmin ? await ctx.admin(owner) : owner;
    const res = await ctx.send(op, req, { as });
    const notImplemented = NOT_IMPLEMENTED.has(res.status) && !(res.status === 404 && req.sampled);
    const outcome =
      res.status === 401
        ? 'refused'
        : notImplemented
          ? 'not-implemented'
          : isRedirect(res.status)
            ? 'other'
            : 'accepted';
    ctx.observe('token-matrix', {
      service: op.service,
      operationId: op.operationId,
      variant: 'valid',
      status: res.status,
      outcome,
    });
    if (res.status === 401) {
      ctx.fail({
        severity: 'deviation',
        expected: 'the request is authenticated (any status but 401)',
        received: '401: the valid token was refused',
        response: res,
      });
    } else if (isRedirect(res.status)) {
      ctx.fail({
        severity: 'deviation',
        expected: 'the request is authenticated and answered (a redirect is not an answer)',
        received: redirectText(res),
        response: res,
      });
    } else if (notImplemented) {
      ctx.notImplemented(
        `${op.method.toUpperCase()} ${op.gatewayPath} answered ${res.status} to a valid token and real resources: the operation is not implemented here`,
      );
    }
  },
});
