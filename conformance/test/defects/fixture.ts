import type { PlatformVariant } from '@socialnet/reference';

/**
 * A defect fixture: the reference with exactly one deviation, reintroduced the way the original platform had it
 * (../shared/system-under-review.md §5). Against it, the suite must fail exactly the checks tagged `defect:<id>`.
 */
export interface DefectFixture {
  /** `Dn` reproduces review item n; `Xn` is a mutation that proves a check no review defect covers. */
  id: `D${number}` | `X${number}`;
  slug: string;
  /** The review item and the original behaviour it reproduces. */
  reproduces: string;
  variant: PlatformVariant;
}

export function defineDefect(fixture: DefectFixture): DefectFixture {
  fixture.variant.name ??= `${fixture.id}-${fixture.slug}`;
  return fixture;
}
