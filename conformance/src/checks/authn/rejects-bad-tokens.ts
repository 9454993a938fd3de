import { defineCheck } from '../../engine/check.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';
import { reachable } from '../../engine/target.ts';
import { NEEDS_SECRET, TOKEN_VARIANTS, tokenFor, VARIANT_CLAUSES, VARIANT_LABELS } from '../../engine/tokens.ts';

/** Every secured operation × the negative-token matrix of RFC 8725: each bad token gets 401 with WWW-Authenticate. */
export default defineCheck({
  id: 'authn.rejects-bad-tokens',
  title: 'Every secured operation refuses missing and bad tokens with 401 and WWW-Authenticate',
  clause: 'SN-AUTHN-STANDARD-JWT',
  tags: ['authn', 'defect:D2', 'defect:D5'],
  failure: 'A secured operation did not refuse a bad token with 401',
  targets: (spec) => spec.operations.filter((op) => op.secured),
  async run(ctx, op) {
    if (!reachable(ctx.target, op)) ctx.skip(`no URL for service ${op.service}`);
    const owner = await ctx.user('owner');
    const req = await fillOrSample(ctx, op, owner, true);
    for (const variant of TOKEN_VARIANTS) {
      if (variant === 'valid') continue;
      if (NEEDS_SECRET.has(variant) && !ctx.secret) {
        ctx.observe('token-matrix', { service: op.service, operationId: op.operationId, variant, outcome: 'not run' });
        continue;
      }
      const token = await tokenFor(variant, owner.id, ctx.secret, owner.token);
      const res = await ctx.send(op, req, { as: owner, token: token ?? null, refusalExpected: true });
      const accepted = res.status < 400;
      ctx.observe('token-matrix', { service: op.service, operationId: op.operationId, variant, status: res.status, outcome: accepted ? 'accepted' : res.status === 401 ? 'refused' : 'other' });
      const what = VARIANT_LABELS[variant];
      if (accepted) {
        ctx.fail({ severity: 'security', clause: VARIANT_CLAUSES[variant], expected: `401 for ${what}`, received: `${res.status}: the token was accepted`, response: res });
      } else if (res.status !== 401) {
        ctx.fail({ severity: 'deviation', clause: VARIANT_CLAUSES[variant], expected: `401 for ${what}`, received: `${res.status}`, response: res });
      } else {
        const challenge = res.headers['www-authenticate'] ?? '';
        const wanted = token ? /^Bearer\b.*realm="socialnet".*error="invalid_token"/i : /^Bearer\b.*realm="socialnet"/i;
        if (!wanted.test(challenge)) {
          ctx.fail({
            severity: 'deviation',
            clause: 'SN-AUTHN-WWW-AUTHENTICATE',
            expected: `WWW-Authenticate: Bearer realm="socialnet"${token ? ', error="invalid_token"' : ''} with the 401 for ${what}`,
            received: challenge ? `WWW-Authenticate: ${challenge}` : 'no WWW-Authenticate header',
            response: res,
          });
        }
      }
    }
  },
});
