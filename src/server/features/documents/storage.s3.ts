import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { FilesConfig } from '../../config.js';
import { checkKey, removeQuietly, StorageMissingError, type Storage } from './storage.js';

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, Garage …). PutObject with a known length is atomic:
 * readers see the whole object or none. Checksums are computed only when an operation requires
 * them, because several S3-compatible servers reject the SDK's newer default trailers.
 */
export async function s3Storage(cfg: NonNullable<FilesConfig['s3']>, spoolDir: string): Promise<Storage> {
  // Imported here, not at the top: the server is one bundle, whose static imports all load at start
  // (the SDK costs about 200 ms), and most installations keep files in a local folder.
  const { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    forcePathStyle: cfg.forcePathStyle,
    credentials: cfg.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    kind: 's3',
    spoolDir,
    async putFile(key, file, size) {
      await client.send(
        new PutObjectCommand({ Bucket: cfg.bucket, Key: checkKey(key), Body: fs.createReadStream(file), ContentLength: size, ContentType: 'application/octet-stream' }),
      );
      await removeQuietly(file);
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: checkKey(key) }));
        if (!out.Body) throw new StorageMissingError(key);
        return out.Body as Readable;
      } catch (e) {
        if (e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)) throw new StorageMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: checkKey(key) }));
    },
  };
}
