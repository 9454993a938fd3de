import type { Principal } from './principal.ts';

/**
 * Tokens that verified, kept until their `exp` (plus the clock tolerance) so a client's repeated requests do not pay
 * for the HMAC again. Only successes are cached; bounded, the oldest entry goes first. Signature, algorithm and
 * claims were checked by jose on the first use; only expiry can change the answer later, and it is re-checked here.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly toleranceSeconds: number,
    private readonly max = 10_000,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() / 1000 > entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, exp: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, until: exp + this.toleranceSeconds });
  }
}
