/**
 * `npm run deploy:s3` against a local S3-compatible server (s3rver on 127.0.0.1): the first
 * deploy uploads every file with its headers, the next uploads only what changed, and
 * --delete removes what the site no longer has.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'deploy-s3-'));
const dist = join(work, 'dist');
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: join(work, 'bucket'),
  configureBuckets: [{ name: 'site', configs: [] }],
});
let endpoint = '';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function write(path: string, text: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

async function deploy(...args: string[]) {
  const { stdout } = await promisify(execFile)(
    TSX,
    ['scripts/deploy-s3.ts', '--dist', dist, ...args],
    {
      env: {
        ...process.env,
        S3_BUCKET: 'site',
        S3_ENDPOINT: endpoint,
        S3_REGION: 'us-east-1',
        S3_FORCE_PATH_STYLE: '1',
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
    },
  );
  return stdout;
}

beforeAll(async () => {
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
  write('index.html', '<!doctype html><title>새벽일보</title>');
  write('tags/로봇/index.html', '<!doctype html><title>로봇</title>');
  write('_astro/photo.Bj2ZdfuL.avif', 'avif bytes');
  write('pagefind/2025-11/fragment/ko_1a2b3c.pf_fragment', 'fragment');
  write('pagefind/shards.json', '[]');
  write('rss.xml', '<rss/>');
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run deploy:s3', () => {
  const s3 = () =>
    new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });

  it(
    'uploads every file the first time, with its type and cache lifetime',
    { timeout: 60_000 },
    async () => {
      expect(await deploy()).toContain('올림 6개, 지움 0개');
      const head = (Key: string) => s3().send(new HeadObjectCommand({ Bucket: 'site', Key }));
      const page = await head('tags/로봇/index.html');
      expect(page.ContentType).toBe('text/html; charset=utf-8');
      expect(page.CacheControl).toBe('public, max-age=300, must-revalidate');
      expect((await head('_astro/photo.Bj2ZdfuL.avif')).CacheControl).toContain('immutable');
      expect(
        (await head('pagefind/2025-11/fragment/ko_1a2b3c.pf_fragment')).CacheControl,
      ).toContain('immutable');
      expect((await head('pagefind/shards.json')).CacheControl).toContain('max-age=300');
    },
  );

  it('uploads nothing when nothing changed', { timeout: 60_000 }, async () => {
    expect(await deploy()).toContain('올림 0개, 지움 0개');
  });

  it(
    'uploads only the changed file, and removes a gone one with --delete',
    { timeout: 60_000 },
    async () => {
      write('index.html', '<!doctype html><title>새벽일보 (고침)</title>');
      rmSync(join(dist, 'rss.xml'));
      expect(await deploy()).toContain('올림 1개, 지움 0개');
      expect(await deploy('--delete')).toContain('올림 0개, 지움 1개');
      const keys = (await s3().send(new ListObjectsV2Command({ Bucket: 'site' }))).Contents?.map(
        (object) => object.Key,
      );
      expect(keys?.sort()).toEqual(
        [
          '_astro/photo.Bj2ZdfuL.avif',
          'index.html',
          'pagefind/2025-11/fragment/ko_1a2b3c.pf_fragment',
          'pagefind/shards.json',
          'tags/로봇/index.html',
        ].sort(),
      );
      const body = await s3().send(new GetObjectCommand({ Bucket: 'site', Key: 'index.html' }));
      expect(await body.Body?.transformToString()).toContain('(고침)');
    },
  );
});
