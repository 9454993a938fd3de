import { fileURLToPath } from 'node:url';
import type { media } from '@socialnet/generated/server-types/index.ts';
import type { HandlersOf, ServiceModule } from '../../platform/service-module.ts';
import { whoami } from '../whoami.ts';
import { deleteMedia } from './handlers/deleteMedia.ts';
import { getMedia } from './handlers/getMedia.ts';
import { getMediaContent } from './handlers/getMediaContent.ts';
import { presignMedia } from './handlers/presignMedia.ts';
import { putMediaContent } from './handlers/putMediaContent.ts';
import { uploadMedia } from './handlers/uploadMedia.ts';
import { objectsRepo } from './repositories/objects.ts';

/** Files: bytes on local disk behind BlobStorage, ownership and content type in media.objects. */
export const mediaService: ServiceModule = {
  name: 'media',
  specFile: 'media.yaml',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  handlers: {
    uploadMedia,
    presignMedia,
    getMedia,
    deleteMedia,
    getMediaContent,
    putMediaContent,
    mediaWhoami: whoami,
  } satisfies HandlersOf<media.operations>,
  lookups: (db) => ({
    ownerOf: async (kind, key) => (kind === 'media' ? (await objectsRepo.get(db, key))?.owner_id : undefined),
  }),
};
