// Metadata (key 3), versions 0-6. Request v0: an empty topic list means all topics; v1+: null means all,
// empty means none; v4 allow_auto_topic_creation. Response v1 rack, controller_id, is_internal; v2 cluster_id;
// v3 throttle first; v5 offline_replicas; v6 = v5.
import { array, field, nullableArray } from '../../wire/schema.ts';

const requestTopic = [field('name', 'string')];

export const request = [
  field('topics', array(requestTopic), '0'),
  field('topics', nullableArray(requestTopic), '1+'),
  field('allowAutoTopicCreation', 'boolean', '4+', true),
];

export const response = [
  field('throttleTimeMs', 'int32', '3+'),
  field(
    'brokers',
    array([
      field('nodeId', 'int32'),
      field('host', 'string'),
      field('port', 'int32'),
      field('rack', 'nullableString', '1+'),
    ]),
  ),
  field('clusterId', 'nullableString', '2+'),
  field('controllerId', 'int32', '1+', -1),
  field(
    'topics',
    array([
      field('errorCode', 'int16'),
      field('name', 'string'),
      field('isInternal', 'boolean', '1+'),
      field(
        'partitions',
        array([
          field('errorCode', 'int16'),
          field('partitionIndex', 'int32'),
          field('leaderId', 'int32'),
          field('replicaNodes', array('int32')),
          field('isrNodes', array('int32')),
          field('offlineReplicas', array('int32'), '5+'),
        ]),
      ),
    ]),
  ),
];

export interface MetadataRequest {
  topics: { name: string }[] | null;
  allowAutoTopicCreation: boolean;
}

export interface MetadataTopic {
  errorCode: number;
  name: string;
  isInternal: boolean;
  partitions: {
    errorCode: number;
    partitionIndex: number;
    leaderId: number;
    replicaNodes: number[];
    isrNodes: number[];
  }[];
}

export interface MetadataResponse {
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  clusterId: string | null;
  controllerId: number;
  topics: MetadataTopic[];
}
