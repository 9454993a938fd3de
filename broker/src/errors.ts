// Kafka error codes this broker sends, with Kafka's names and whether Kafka marks them retriable.
// Fault rules may name an error by code or by name.
export const ERRORS = {
  UNKNOWN_SERVER_ERROR: { code: -1, retriable: false },
  NONE: { code: 0, retriable: false },
  OFFSET_OUT_OF_RANGE: { code: 1, retriable: false },
  CORRUPT_MESSAGE: { code: 2, retriable: true },
  UNKNOWN_TOPIC_OR_PARTITION: { code: 3, retriable: true },
  LEADER_NOT_AVAILABLE: { code: 5, retriable: true },
  NOT_LEADER_OR_FOLLOWER: { code: 6, retriable: true },
  REQUEST_TIMED_OUT: { code: 7, retriable: true },
  MESSAGE_TOO_LARGE: { code: 10, retriable: false },
  OFFSET_METADATA_TOO_LARGE: { code: 12, retriable: false },
  NETWORK_EXCEPTION: { code: 13, retriable: true },
  COORDINATOR_LOAD_IN_PROGRESS: { code: 14, retriable: true },
  COORDINATOR_NOT_AVAILABLE: { code: 15, retriable: true },
  NOT_COORDINATOR: { code: 16, retriable: true },
  INVALID_TOPIC_EXCEPTION: { code: 17, retriable: false },
  INVALID_REQUIRED_ACKS: { code: 21, retriable: false },
  INVALID_TIMESTAMP: { code: 32, retriable: false },
  ILLEGAL_GENERATION: { code: 22, retriable: false },
  INCONSISTENT_GROUP_PROTOCOL: { code: 23, retriable: false },
  INVALID_GROUP_ID: { code: 24, retriable: false },
  UNKNOWN_MEMBER_ID: { code: 25, retriable: false },
  INVALID_SESSION_TIMEOUT: { code: 26, retriable: false },
  REBALANCE_IN_PROGRESS: { code: 27, retriable: false },
  INVALID_COMMIT_OFFSET_SIZE: { code: 28, retriable: false },
  UNSUPPORTED_VERSION: { code: 35, retriable: false },
  TOPIC_ALREADY_EXISTS: { code: 36, retriable: false },
  INVALID_PARTITIONS: { code: 37, retriable: false },
  INVALID_REPLICATION_FACTOR: { code: 38, retriable: false },
  INVALID_CONFIG: { code: 40, retriable: false },
  INVALID_REQUEST: { code: 42, retriable: false },
  OUT_OF_ORDER_SEQUENCE_NUMBER: { code: 45, retriable: false },
  DUPLICATE_SEQUENCE_NUMBER: { code: 46, retriable: false },
  INVALID_PRODUCER_EPOCH: { code: 47, retriable: false },
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: { code: 53, retriable: false },
  UNKNOWN_PRODUCER_ID: { code: 59, retriable: false },
  NON_EMPTY_GROUP: { code: 68, retriable: false },
  GROUP_ID_NOT_FOUND: { code: 69, retriable: false },
  MEMBER_ID_REQUIRED: { code: 79, retriable: false },
  FENCED_INSTANCE_ID: { code: 82, retriable: false },
  INVALID_RECORD: { code: 87, retriable: false },
} as const;

export type ErrorName = keyof typeof ERRORS;

/** Error codes by name, for handlers: `code.REBALANCE_IN_PROGRESS`. */
export const code = Object.fromEntries(Object.entries(ERRORS).map(([k, v]) => [k, v.code])) as {
  readonly [K in ErrorName]: (typeof ERRORS)[K]['code'];
};

export function errorCodeOf(nameOrCode: ErrorName | number | string): number {
  if (typeof nameOrCode === 'number') return nameOrCode;
  const entry = (ERRORS as Record<string, { code: number }>)[nameOrCode];
  if (entry) return entry.code;
  if (/^-?\d+$/.test(nameOrCode)) return Number(nameOrCode);
  throw new Error(`unknown Kafka error ${nameOrCode}`);
}
