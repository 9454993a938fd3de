import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import type { UploadedFile } from '@socialnet/reference';

const { regex, string, equal, contentType } = MatchersV3;

/** The smallest valid PNG (1×1), so the provider stores a real image and Pact's content-type check sees one. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const PHOTO: UploadedFile = {
  fieldname: 'file',
  originalname: 'photo.png',
  mimetype: 'image/png',
  size: PNG.length,
  buffer: PNG,
};

const BOUNDARY = 'pact-boundary';

function multipart(prefix: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="prefix"\r\n\r\n${prefix}\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/**
 * POST /media/upload as the consumer's `uploadToMedia` sends it: the caller's bearer (required: SN-PROPAGATION-CALLER-BEARER),
 * a multipart body with the consumer's key prefix and a file, any boundary; the answer's fields the consumer reads.
 */
export function expectUpload(pact: PactV4, prefix: string) {
  return pact
    .addInteraction()
    .given('a signed-in user')
    .uponReceiving(`an upload to the ${prefix} prefix, as the caller`)
    .withRequest('POST', '/media/upload', (request) =>
      request
        .headers({
          Authorization: regex('^Bearer .+$', 'Bearer caller-token'),
          'Content-Type': regex('^multipart/form-data;\\s*boundary=.+$', `multipart/form-data; boundary=${BOUNDARY}`),
        })
        .body('multipart/form-data', multipart(prefix))
        .matchingRules({
          body: [
            { path: '$.prefix', rules: [equal(prefix)] },
            { path: '$.file', rules: [contentType('image/png')] },
          ],
        }),
    )
    .willRespondWith(201, (response) =>
      response.jsonBody({
        key: regex(`^${prefix}/.+$`, `${prefix}/1-9f3c2a7b1d4e5f60_20261207T070000_photo.png`),
        contentType: string('image/png'),
        url: regex(
          '^https?://.+$',
          `http://127.0.0.1:8088/media/${prefix}%2F1-9f3c2a7b1d4e5f60_20261207T070000_photo.png`,
        ),
      }),
    );
}
