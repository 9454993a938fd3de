// @socialnet/broker: an embedded, single-node broker speaking the Kafka wire protocol, with fault injection.
export { type BrokerHandle, type BrokerOptions, startBroker } from './broker.ts';
export type { FaultAction, FaultRule, Faults, RuleOptions } from './faults/faults.ts';
export { ERRORS, type ErrorName } from './errors.ts';
export type { ApiName } from './apis/api-keys.ts';
