import { defineDefect } from './fixture.ts';

/** Review item 4: the post upload calls the media service without the caller's bearer. */
export default defineDefect({
  id: 'D4',
  slug: 'upload-without-bearer',
  reproduces:
    'review item 4: post-service uploadToMediaService built the media request with http.DefaultClient and no Authorization (the message service did forward it)',
  variant: { forwardBearer: (from, to) => !(from === 'posts' && to === 'media') },
});
