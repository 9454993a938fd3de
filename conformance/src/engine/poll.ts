/**
 * Polls `probe` until it returns a value other than undefined or the deadline passes (then returns undefined).
 * The wait between probes grows from 20 ms to 250 ms: asynchronous effects are awaited, never slept for.
 */
export async function poll<T>(probe: () => Promise<T | undefined>, deadlineMs: number): Promise<T | undefined> {
  const end = Date.now() + deadlineMs;
  let wait = 20;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() + wait > end) return undefined;
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(250, wait * 2);
  }
}
