/**
 * The one reading of a broker list (`KAFKA_BROKERS`, `--brokers`): comma-separated `host:port`, spaces around an
 * entry and empty entries ignored. Empty or absent: no brokers (the platform then starts its embedded broker).
 */
export function parseBrokerList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
