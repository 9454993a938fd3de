import { defineCheck } from '../../engine/check.ts';
import type { Finding } from '../../engine/findings.ts';
import { judgeControl, requireControl } from '../../engine/control.ts';
import { fillOrSample } from '../../engine/fill-or-sample.ts';
import type { HttpResponse } from '../../engine/http.ts';
import { isRedirect, redirectText } from '../../engine/redirects.ts';
import { badTokenCurl } from '../../engine/token-repro.ts';
import {
  NEEDS_SECRET,
  TOKEN_VARIANTS,
  tokenFor,
  VARIANT_CLAUSES,
  VARIANT_LABELS,
  type TokenVariant,
} from '../../engine/tokens.ts';

/**
 * Every secured operation × the negative-token matrix of RFC 8725: each bad token gets 401 with WWW-Authenticate.
 * A refusal means something only when the same operation succeeds with the valid token (the control request, sent
 * last with its own resources, so a write it makes changes nothing the bad tokens saw): otherwise every cell of the
 * operation is `blocked: valid token refused`, or `not-implemented` when the operation answers 404/405/501.
 */
export default defineCheck({
  id: 'authn.rejects-bad-tokens',
  title: 'Every secured operation refuses missing and bad tokens with 401 and WWW-Authenticate',
  clause: 'SN-AUTHN-STANDARD-JWT',
  tags: ['authn', 'defect:D2', 'defect:D5'],
  failure: 'A secured operation did not refuse a bad token with 401',
  targets: (spec) => spec.operations.filter((op) => op.secured),
  async run(ctx, op) {
    const owner = await ctx.user('owner');
    const req = await fillOrSample(ctx, op, owner, true);
    // Admin operations: every token carries the admin role (and the admin header goes with it), as the control's does.
    const adminOp = op.authz.some((r) => r.rule === 'admin') && ctx.canAdmin;
    const caller = adminOp ? await ctx.admin(owner) : owner;
    const claims = adminOp && ctx.secret ? { ...ctx.tokenClaims, roles: ['admin'] } : ctx.tokenClaims;
    const matrix = (variant: TokenVariant, outcome: string, status?: number) =>
      ctx.observe('token-matrix', { service: op.service, operationId: op.operationId, variant, status, outcome });
    const sent: Array<{ variant: TokenVariant; token: string | undefined; res: HttpResponse }> = [];
    for (const variant of TOKEN_VARIANTS) {
      if (variant === 'valid') continue;
      if (NEEDS_SECRET.has(variant) && !ctx.secret) {
        matrix(variant, 'not run');
        continue;
      }
      const token = await tokenFor(variant, owner.id, ctx.secret, caller.token, claims);
      sent.push({
        variant,
        token,
        res: await ctx.send(op, req, { as: caller, token: token ?? null, refusalExpected: true }),
      });
    }

    const controlReq = op.method === 'get' ? req : await fillOrSample(ctx, op, owner);
    const control = judgeControl(op, controlReq, await ctx.send(op, controlReq, { as: caller }));

    // A 2xx to a bad token is evidence by itself (access granted to a token the spec refuses), whatever the control
    // got; a refusal means something only when the control succeeded.
    for (const { variant, token, res } of sent) {
      if (res.status < 200 || res.status >= 300) continue;
      matrix(variant, 'accepted', res.status);
      const before = ctx.findings.length;
      ctx.fail({
        severity: 'security',
        clause: VARIANT_CLAUSES[variant],
        expected: `401 for ${VARIANT_LABELS[variant]}`,
        received: `${res.status}: the token was accepted (the valid token got ${control.response.status} on the same operation)`,
        response: res,
      });
      withTokenRepro(ctx.findings.slice(before), variant, token);
    }
    if (!control.ok)
      for (const { variant, res } of sent)
        if (res.status < 200 || res.status >= 300) matrix(variant, control.outcome, res.status);
    requireControl(ctx, control);

    for (const { variant, token, res } of sent) {
      const what = VARIANT_LABELS[variant];
      const clause = VARIANT_CLAUSES[variant];
      const before = ctx.findings.length;
      if (res.status >= 200 && res.status < 300) {
        continue;
      } else if (isRedirect(res.status)) {
        matrix(variant, 'other', res.status);
        ctx.fail({
          severity: 'deviation',
          clause,
          expected: `401 for ${what}`,
          received: `${redirectText(res)}: neither a refusal nor access`,
          response: res,
        });
      } else if (res.status !== 401) {
        matrix(variant, 'other', res.status);
        ctx.fail({
          severity: 'deviation',
          clause,
          expected: `401 for ${what}`,
          received: `${res.status}`,
          response: res,
        });
      } else {
        matrix(variant, 'refused', res.status);
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
      withTokenRepro(ctx.findings.slice(before), variant, token);
    }
  },
});

/** The curl of a bad-token finding sends that token (or rebuilds it), never an unexplained $TOKEN. */
function withTokenRepro(findings: Finding[], variant: TokenVariant, token: string | undefined): void {
  for (const finding of findings) {
    if (finding.exchange)
      finding.exchange = { ...finding.exchange, curl: badTokenCurl(finding.exchange.curl, variant, token) };
  }
}
