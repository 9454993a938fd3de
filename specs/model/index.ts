// The spec model: the one reader of specs/openapi and specs/asyncapi that every part uses (the reference, the
// conformance suite, the lint functions, the gateway bundler, the spec tests). Each notion is defined once here.
export * from './methods.ts';
export * from './files.ts';
export * from './openapi.ts';
export * from './extensions.ts';
export * from './authz-rules.ts';
export * from './asyncapi.ts';
export * from './locate.ts';
