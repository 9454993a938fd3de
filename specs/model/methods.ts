/** The HTTP methods an OpenAPI 3 path item may hold, in the order the specification lists them. The tree's one list. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];
