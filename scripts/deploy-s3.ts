/**
 * `npm run deploy:s3`: publishes dist/ to an S3-compatible bucket (AWS S3, Cloudflare R2,
 * MinIO, …) behind a CDN, uploading only the files whose content changed and, with
 * --delete, removing the objects the site no longer has. Hashed assets are sent with a
 * year's `immutable` Cache-Control, pages and feeds with five minutes
 * (src/lib/deploy/sync-plan.ts).
 *
 *   S3_BUCKET=archive [S3_ENDPOINT=https://…] [S3_REGION=auto] [S3_FORCE_PATH_STYLE=1] \
 *   AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… npm run deploy:s3 -- [--dist dist] [--delete] [--dry-run]
 *
 * Immutable files go up before the pages that name them, and removals come last, so a reader
 * never gets a page whose photos or scripts are not there yet.
 */
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cacheControl,
  contentType,
  planSync,
  type LocalFile,
  type RemoteObject,
} from '../src/lib/deploy/sync-plan.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    delete: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

const bucket = process.env.S3_BUCKET;
if (!bucket) {
  console.error('S3_BUCKET을 지정하세요 (올릴 버킷 이름).');
  process.exit(2);
}
const dist = resolve(values.dist);
const client = new S3Client({
  endpoint: process.env.S3_ENDPOINT || undefined,
  region: process.env.S3_REGION || 'auto',
  forcePathStyle: Boolean(process.env.S3_FORCE_PATH_STYLE),
});

/** How many requests are in flight at once. */
const PARALLEL = 16;

async function localFiles(): Promise<LocalFile[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const md5 = createHash('md5')
        .update(await readFile(path))
        .digest('hex');
      return { key: relative(dist, path).split(sep).join('/'), md5 };
    }),
  );
}

async function remoteObjects(): Promise<RemoteObject[]> {
  const objects: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key && object.ETag) objects.push({ key: object.Key, etag: object.ETag });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

async function upload(file: LocalFile): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: file.key,
      Body: await readFile(join(dist, file.key)),
      // S3 refuses the object if its bytes do not hash to this.
      ContentMD5: Buffer.from(file.md5, 'hex').toString('base64'),
      ContentType: contentType(file.key),
      CacheControl: cacheControl(file.key),
    }),
  );
}

const [local, remote] = await Promise.all([localFiles(), remoteObjects()]);
const plan = planSync(local, remote);
const remove = values.delete ? plan.remove : [];
console.log(
  `[deploy:s3] ${bucket}: 파일 ${local.length}개 중 올릴 것 ${plan.upload.length}개, ` +
    `그대로 ${plan.unchanged}개, 지울 것 ${remove.length}개` +
    (values.delete || plan.remove.length === 0
      ? ''
      : ` (--delete 없이 남겨 둠 ${plan.remove.length}개)`),
);
if (values['dry-run']) {
  for (const file of plan.upload) console.log(`올림 ${file.key}`);
  for (const key of remove) console.log(`지움 ${key}`);
  process.exit(0);
}

const immutable = (file: LocalFile) => cacheControl(file.key).includes('immutable');
await inParallel(plan.upload.filter(immutable), upload);
await inParallel(
  plan.upload.filter((file) => !immutable(file)),
  upload,
);
for (let i = 0; i < remove.length; i += 1000) {
  const keys = remove.slice(i, i + 1000);
  const result = await client.send(
    new DeleteObjectsCommand({
      Bucket: bucket,
      Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
    }),
  );
  if (result.Errors?.length) {
    throw new Error(`지우지 못한 객체 ${result.Errors.length}개: ${result.Errors[0]?.Key}`);
  }
}
console.log(`[deploy:s3] 올림 ${plan.upload.length}개, 지움 ${remove.length}개`);
