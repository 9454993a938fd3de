/** A multipart body for openapi-fetch (it passes FormData through and lets fetch set the boundary). */
export function form(
  fields: Record<string, string | number>,
  file?: { name: string; type: string; bytes: Uint8Array | string },
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, String(v));
  if (file)
    f.append(
      'file',
      new Blob([typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : new Uint8Array(file.bytes)], {
        type: file.type,
      }),
      file.name,
    );
  return f;
}

export const asForm = { bodySerializer: (body: unknown) => body as FormData };
