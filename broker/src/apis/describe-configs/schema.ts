// DescribeConfigs (key 32), versions 1-4 (Kafka 4.4 has dropped v0). v1 include_synonyms, config_source and
// synonyms replace is_default; v2 = v1; v3 include_documentation, config_type and documentation; v4 flexible.
import { array, field, nullableArray } from '../../wire/schema.ts';
import type { DescribedConfig } from '../../configs/described-configs.ts';

/** The first flexible version. */
export const flexibleFrom = 4;

export const request = [
  field(
    'resources',
    array([
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      field('configurationKeys', nullableArray('string')),
    ]),
  ),
  field('includeSynonyms', 'boolean', '1+'),
  field('includeDocumentation', 'boolean', '3+'),
];

export const response = [
  field('throttleTimeMs', 'int32'),
  field(
    'results',
    array([
      field('errorCode', 'int16'),
      field('errorMessage', 'nullableString'),
      field('resourceType', 'int8'),
      field('resourceName', 'string'),
      field(
        'configs',
        array([
          field('name', 'string'),
          field('value', 'nullableString'),
          field('readOnly', 'boolean'),
          field('configSource', 'int8', '1+'),
          field('isSensitive', 'boolean'),
          field(
            'synonyms',
            array([field('name', 'string'), field('value', 'nullableString'), field('source', 'int8')]),
            '1+',
          ),
          field('configType', 'int8', '3+'),
          field('documentation', 'nullableString', '3+'),
        ]),
      ),
    ]),
  ),
];

export interface DescribeConfigsResource {
  resourceType: number;
  resourceName: string;
  configurationKeys: string[] | null;
}

export interface DescribeConfigsRequest {
  resources: DescribeConfigsResource[];
  includeSynonyms: boolean;
  includeDocumentation: boolean;
}

export interface DescribeConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribedConfig[];
}

export interface DescribeConfigsResponse {
  results: DescribeConfigsResult[];
}
