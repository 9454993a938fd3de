/** A multipart form field: a value, or a file. */
export type FormField = string | { filename: string; type: string; content: string };

/** A curl command that reproduces a request; the bearer token is left as $TOKEN so no secret is printed. */
export function curlCommand(input: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  form?: Record<string, FormField>;
}): string {
  const parts = ['curl', '-i', '-X', input.method, shellQuote(input.url)];
  for (const [name, value] of Object.entries(input.headers)) {
    if (input.form && /^content-type$/i.test(name)) continue;
    const shown = /^authorization$/i.test(name) ? value.replace(/^(\S+)\s+.*$/, '$1 $TOKEN') : value;
    parts.push('-H', /^authorization$/i.test(name) ? `"${name}: ${shown}"` : shellQuote(`${name}: ${shown}`));
  }
  if (input.form) {
    for (const [name, field] of Object.entries(input.form)) {
      parts.push(
        '-F',
        shellQuote(typeof field === 'string' ? `${name}=${field}` : `${name}=@${field.filename};type=${field.type}`),
      );
    }
  } else if (input.body !== undefined) {
    parts.push('--data-raw', shellQuote(input.body));
  }
  return parts.join(' ');
}

/** `s` as one single-quoted POSIX shell word. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
