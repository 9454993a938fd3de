/**
 * Path parameters from a path template, decoded without ever throwing. `decodeURIComponent` throws a URIError on a
 * bad percent-encoding (`%ZZ`) or on bytes that are not UTF-8 (`%C0%AE`, `%E0%A4%A`); a client can send either in
 * any path, so every path is read here: a segment that does not decode keeps its raw text and is named in
 * `malformed`, which validation turns into a 400 with the parameter's pointer (`strict-parameters.ts`).
 */
export interface PathParams {
  params: Record<string, string>;
  /** names of the parameters whose segment is not valid percent-encoded UTF-8 */
  malformed: string[];
}

type Matcher = (path: string) => PathParams | null;

const matchers = new Map<string, Matcher>();

/** A path segment's text, or undefined when its percent-encoding is malformed or does not decode to UTF-8. */
export function decodePathSegment(raw: string): string | undefined {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function compile(template: string): Matcher {
  const names: string[] = [];
  // the template's literal parts are matched literally; a parameter is one segment (possibly empty), as in bath-es5
  const source = template
    .split(/\{([A-Za-z0-9_-]+)\}/)
    .map((part, i) => {
      if (i % 2 === 1) {
        names.push(part);
        return '([^/]*)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const pattern = new RegExp(`^${source}$`);
  return (path) => {
    const m = pattern.exec(path);
    if (!m) return null;
    const params: Record<string, string> = {};
    const malformed: string[] = [];
    names.forEach((name, i) => {
      const raw = m[i + 1]!;
      const decoded = decodePathSegment(raw);
      if (decoded === undefined) malformed.push(name);
      params[name] = decoded ?? raw;
    });
    return { params, malformed };
  };
}

/** The parameters of `path` under `template` (compiled once per template), or null when the path does not match. */
export function pathParams(template: string, path: string): PathParams | null {
  let matcher = matchers.get(template);
  if (!matcher) matchers.set(template, (matcher = compile(template)));
  return matcher(path);
}
