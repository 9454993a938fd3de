/** What the Pact verifier core returns (pact_ffi `pactffi_verifier_json`), the parts read here. */
interface VerifierJson {
  result?: boolean;
  /** One per interaction: `result` is "OK" when it passed. */
  interactionResults?: { description: string; result: string }[];
  /** `interaction` is a label: "Verifying a pact between C and P [Given S] - <description>". */
  errors?: { interaction: string; mismatch?: unknown }[];
}

/**
 * Mismatch lines by interaction description for every interaction that did not pass. A failure the output does not
 * tie to an interaction is reported under `*`, so an unreadable or failed run can never read as a pass.
 */
export function mismatchesByInteraction(output: string, descriptions: string[]): Map<string, string[]> {
  const byInteraction = new Map<string, string[]>();
  const push = (key: string, lines: string[]) => byInteraction.set(key, [...(byInteraction.get(key) ?? []), ...lines]);
  let parsed: VerifierJson;
  try {
    parsed = JSON.parse(output) as VerifierJson;
  } catch {
    push('*', [`the verifier did not finish: ${output.slice(0, 2000)}`]);
    return byInteraction;
  }
  const owner = (label: string) => descriptions.find((d) => label === d || label.endsWith(` - ${d}`));
  for (const error of parsed.errors ?? []) push(owner(error.interaction) ?? '*', describe(error.mismatch));
  for (const r of parsed.interactionResults ?? [])
    if (r.result !== 'OK' && !byInteraction.has(r.description)) push(r.description, [`verifier result: ${r.result}`]);
  const seen = new Set((parsed.interactionResults ?? []).map((r) => r.description));
  for (const d of descriptions) if (!seen.has(d)) push(d, ['the verifier did not run this interaction']);
  if (parsed.result !== true && byInteraction.size === 0)
    push('*', ['the verifier reported a failure it did not attribute to an interaction']);
  return byInteraction;
}

function describe(mismatch: unknown): string[] {
  if (!mismatch || typeof mismatch !== 'object') return [String(mismatch)];
  const m = mismatch as {
    message?: string;
    mismatches?: { type?: string; path?: string; key?: string; mismatch?: string; description?: string }[];
  };
  if (Array.isArray(m.mismatches))
    return m.mismatches.map((x) => [x.type, x.path ?? x.key, x.mismatch ?? x.description].filter(Boolean).join(': '));
  return [m.message ?? JSON.stringify(m)];
}
