import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where media bytes live. The reference keeps them on local disk; an object store would implement the same. */
export interface BlobStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  delete(key: string): Promise<void>;
}

/** Keys map to files under `root`; a key's `/` (prefix) becomes a folder. Keys are validated by the spec pattern. */
export function diskStorage(root: string): BlobStorage {
  const fileOf = (key: string) => {
    const file = path.resolve(root, ...key.split('/'));
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`key escapes the storage root: ${key}`);
    return file;
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file); // readers never see a half-written file
    },
    async get(key) {
      const file = fileOf(key);
      const info = await stat(file).catch(() => undefined);
      return info?.isFile() ? { stream: createReadStream(file), size: info.size } : undefined;
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
