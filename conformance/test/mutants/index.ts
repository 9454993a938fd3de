import type { Guarantee } from '../../src/mutants/guarantees.ts';
import type { Mutant } from '../../src/mutants/mutant.ts';
import { equivalenceOf } from './equivalents.ts';
import { OPERATORS } from './operators.ts';

/** One mutant per guarantee: the operator of its family builds the variant; none means no variant can remove it. */
export async function deriveMutants(guarantees: Guarantee[]): Promise<Mutant[]> {
  const out: Mutant[] = [];
  for (const g of guarantees) {
    const variant = await OPERATORS[g.family](g);
    if (variant) variant.name ??= `mutant ${g.id}`;
    out.push({
      guarantee: g,
      variant,
      service: variant && !variant.consumers ? g.service : undefined,
      equivalent: equivalenceOf(g),
    });
  }
  return out;
}
