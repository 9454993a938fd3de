import { PROBLEM_BASE, PROBLEM_TYPES, type ProblemSlug } from './problem-types.ts';

export interface FieldError {
  pointer: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** Thrown anywhere in a request; the service's error handler writes it as `application/problem+json`. */
export class ProblemError extends Error {
  readonly slug: ProblemSlug;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    slug: ProblemSlug,
    detail?: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? PROBLEM_TYPES[slug].title);
    this.name = 'ProblemError';
    this.slug = slug;
    this.status = PROBLEM_TYPES[slug].status;
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
  }

  body(instance?: string): ProblemBody {
    return problemBody(this.slug, this.message, instance, this.errors);
  }
}

export function problemBody(slug: ProblemSlug, detail?: string, instance?: string, errors?: FieldError[]): ProblemBody {
  const { status, title } = PROBLEM_TYPES[slug];
  return {
    type: `${PROBLEM_BASE}${slug}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
