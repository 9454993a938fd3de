// What a scenario needs to know about the broker it runs against (embedded or Apache Kafka).
import type { Timing } from '../helpers.ts';

export interface ScenarioEnv {
  brokers: string;
  timing: Timing;
}
