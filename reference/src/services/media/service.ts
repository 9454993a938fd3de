import { fileURLToPath } from 'node:url';
import type { ServiceModule } from '../../platform/service-module.ts';
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
  handlers: { uploadMedia, presignMedia, getMedia, deleteMedia, getMediaContent, putMediaContent, mediaWhoami: whoami },
  lookups: (db) => ({
    ownerOf: async (kind, key) => (kind === 'media' ? (await objectsRepo.get(db, key))?.owner_id : undefined),
  }),
};
