// IncrementalAlterConfigs (key 44, KIP-339), versions 0-1; v1 is flexible. kafka-configs --alter uses it.
import { array, field } from '../../wire/schema.ts';

/** The first flexible version. */
export const flexibleFrom = 1;

export const request = [
  field(
    'resources',
    array([
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      field(
        'configs',
        array([field('name', 'string'), field('configOperation', 'int8'), field('value', 'nullableString')]),
      ),
    ]),
  ),
  field('validateOnly', 'boolean'),
];

export const response = [
  field('throttleTimeMs', 'int32'),
  field(
    'responses',
    array([
      field('errorCode', 'int16'),
      field('errorMessage', 'nullableString'),
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
    ]),
  ),
];

export interface AlterableConfig {
  name: string;
  /** 0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT. */
  configOperation: number;
  value: string | null;
}

export interface AlterConfigsResource {
  resourceType: number;
  resourceName: string;
  configs: AlterableConfig[];
}

export interface IncrementalAlterConfigsRequest {
  resources: AlterConfigsResource[];
  validateOnly: boolean;
}

export interface IncrementalAlterConfigsResponse {
  responses: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[];
}
