// The registry: API key -> implementation. ApiVersions answers from it, and the dispatcher closes the
// connection for a key or version not listed here, as Kafka does.
import type { RegisteredApi } from './api.ts';
import { createApiVersions } from './api-versions/handler.ts';
import createPartitions from './create-partitions/handler.ts';
import createTopics from './create-topics/handler.ts';
import deleteGroups from './delete-groups/handler.ts';
import deleteTopics from './delete-topics/handler.ts';
import describeConfigs from './describe-configs/handler.ts';
import describeTopicPartitions from './describe-topic-partitions/handler.ts';
import describeGroups from './describe-groups/handler.ts';
import fetch from './fetch/handler.ts';
import findCoordinator from './find-coordinator/handler.ts';
import heartbeat from './heartbeat/handler.ts';
import incrementalAlterConfigs from './incremental-alter-configs/handler.ts';
import initProducerId from './init-producer-id/handler.ts';
import joinGroup from './join-group/handler.ts';
import leaveGroup from './leave-group/handler.ts';
import listGroups from './list-groups/handler.ts';
import listOffsets from './list-offsets/handler.ts';
import metadata from './metadata/handler.ts';
import offsetCommit from './offset-commit/handler.ts';
import offsetFetch from './offset-fetch/handler.ts';
import produce from './produce/handler.ts';
import syncGroup from './sync-group/handler.ts';

const apis: RegisteredApi[] = [
  produce,
  fetch,
  listOffsets,
  metadata,
  offsetCommit,
  offsetFetch,
  findCoordinator,
  joinGroup,
  heartbeat,
  leaveGroup,
  syncGroup,
  describeGroups,
  listGroups,
  createTopics,
  deleteTopics,
  initProducerId,
  createPartitions,
  deleteGroups,
  describeConfigs,
  describeTopicPartitions,
  incrementalAlterConfigs,
];
apis.push(createApiVersions(() => apis));

export const API_REGISTRY: ReadonlyMap<number, RegisteredApi> = new Map(apis.map((a) => [a.key, a]));
