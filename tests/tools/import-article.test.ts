/**
 * `npm run import` end to end, on a copy of the good-content fixture: from a raw scrape to an
 * article the checker accepts once the editor has replaced the placeholders.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'import-article-'));
const dir = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  cpSync('fixtures/good-content', dir, { recursive: true });
});

const cli = (script: string, ...args: string[]) => runScript(script, dir, ...args);
const importRaw = (file: string, ...args: string[]) =>
  cli('scripts/import-article.ts', file, ...args);

/** Every file name under the content copy, and the reporters list, to see that nothing changed. */
const snapshot = () => [
  ...readdirSync(dir, { recursive: true }).map(String).sort(),
  readFileSync(join(dir, 'reporters.yaml'), 'utf8'),
];

// An original scrape in the layout news sites print: breadcrumb, headline, sub-headline,
// a caption printed twice, a byline by a reporter not yet on the list, chrome at the end.
const CAPTION = '시장 상인들이 새 결제 단말기 사용법을 배우고 있다. 사진=이도윤 기자';
const RAW = `경제 금융

전통시장 간편결제 도입…"수수료 부담 덜었다"

상인회 120곳 참여

${CAPTION}${CAPTION}

입력 2025.11.04 08:15 | 수정 2025.11.04 10:40

서울 시내 전통시장 120곳이 4일부터 간편결제를 도입했다.

상인들은 카드 수수료가 1.5%에서 0.8%로 내려 부담을 덜었다고 말했다.

관련기사

시는 내년까지 참여 시장을 200곳으로 늘릴 계획이다.

이도윤·편지원 기자
<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>

더보기
top버튼
공유하기
`;
const rawPath = join(work, 'raw.txt');
writeFileSync(rawPath, RAW);

describe('npm run import', () => {
  it('reports reporters missing from the list and writes nothing until the editor chooses', async () => {
    const before = snapshot();
    const result = await importRaw(rawPath);
    expect(result.code).toBe(1);
    expect(result.out).toContain('content/reporters.yaml에 없는 기자입니다: 편지원 기자');
    expect(result.out).toContain('id: pyeon-jiwon');
    expect(snapshot()).toEqual(before);
  });

  it('imports every field; the checker accepts the article once the placeholders are replaced', async () => {
    const result = await importRaw(rawPath, '--add-reporters', '--slug', 'market-easy-pay');
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('버린 줄 (페이지 장식) 4줄: 관련기사, 더보기, top버튼, 공유하기');
    // The byline printed no address: the new reporter's placeholder address is a to-do.
    expect(result.out).toContain(
      'content/reporters.yaml에서 pyeon-jiwon의 이메일과 부서(desk: 경제부)를 고치세요',
    );

    const folder = join(dir, 'articles/2025/11/market-easy-pay');
    const file = join(folder, 'index.md');
    const text = readFileSync(file, 'utf8');
    for (const line of [
      'headline: "전통시장 간편결제 도입…\\"수수료 부담 덜었다\\""',
      'subheadlines: ["상인회 120곳 참여"]',
      'section: economy',
      'publishedAt: "2025-11-04T08:15:00+09:00"',
      'updatedAt: "2025-11-04T10:40:00+09:00"',
      'reporters: [lee-doyun, pyeon-jiwon]',
      '  - src: ./photo-1.placeholder.jpg',
      '    caption: "시장 상인들이 새 결제 단말기 사용법을 배우고 있다."',
      '    credit: "이도윤 기자"',
      '    creditKind: staff',
      '    afterParagraph: 0',
      'tags: ["금융"]',
      'copyright: "<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>"',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.split('\n---\n')[1]!.trim().split('\n\n')).toEqual([
      '서울 시내 전통시장 120곳이 4일부터 간편결제를 도입했다.',
      '상인들은 카드 수수료가 1.5%에서 0.8%로 내려 부담을 덜었다고 말했다.',
      '시는 내년까지 참여 시장을 200곳으로 늘릴 계획이다.',
    ]);
    expect(existsSync(join(folder, 'photo-1.placeholder.jpg'))).toBe(true);
    const reporters = readFileSync(join(dir, 'reporters.yaml'), 'utf8');
    expect(reporters).toContain('- id: pyeon-jiwon\n  name: 편지원\n  role: 기자');

    const unfinished = await cli('scripts/check-content.ts');
    expect(unfinished.code).toBe(1);
    expect(unfinished.out).toContain('market-easy-pay/index.md:');
    expect(unfinished.out).toContain('photos.0.src: 가져오기 도구가 남긴 임시 사진입니다');
    expect(unfinished.out).toContain('임시 이메일입니다');
    expect(unfinished.out).toContain('문제 2건');

    // What the editor does next, as CONTRIBUTING.md describes it.
    cpSync(
      'fixtures/good-content/articles/2025/11/market-card/stall.jpg',
      join(folder, 'photo-1.jpg'),
    );
    rmSync(join(folder, 'photo-1.placeholder.jpg'));
    writeFileSync(
      file,
      text
        .replace('./photo-1.placeholder.jpg', './photo-1.jpg')
        .replace(/alt: .*/, 'alt: "결제 단말기 앞에 모인 상인들"'),
    );
    writeFileSync(
      join(dir, 'reporters.yaml'),
      reporters.replace('pyeon-jiwon@placeholder.invalid', 'jiwon.pyeon@saebyeok.example'),
    );
    const done = await cli('scripts/check-content.ts');
    expect(done.code, done.out).toBe(0);
  });

  it('refuses a scrape it cannot read, and one without a date unless --date is given', async () => {
    const noByline = join(work, 'no-byline.txt');
    writeFileSync(noByline, RAW.replace('이도윤·편지원 기자', ''));
    const refused = await importRaw(noByline);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('가져올 수 없습니다: 기자 이름 줄을 찾지 못했습니다');

    const undated = join(work, 'undated.txt');
    writeFileSync(undated, RAW.replace(/입력 .*\n/, '').replace('편지원', '이도윤'));
    const before = snapshot();
    const noDate = await importRaw(undated);
    expect(noDate.code).toBe(1);
    expect(noDate.out).toContain('--date: 원문에 입력 시각이 없습니다');
    expect(snapshot()).toEqual(before);
    // 이도윤·이도윤 is one reporter twice: the schema refuses it, so nothing is written.
    const twice = await importRaw(undated, '--date', '2025-11-04 08:15');
    expect(twice.code).toBe(1);
    expect(twice.out).toContain('reporters: 같은 기자가 두 번 있습니다');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a slug that is taken and a section that does not exist', async () => {
    const taken = await importRaw(rawPath, '--add-reporters', '--slug', 'market-card');
    expect(taken.code).toBe(1);
    expect(taken.out).toContain('같은 주소(/articles/2025/11/market-card/)의 기사가 이미 있습니다');
    const section = await importRaw(rawPath, '--add-reporters', '--section', 'sports');
    expect(section.code).toBe(1);
    expect(section.out).toContain("--section: 알 수 없는 섹션 'sports'");
  });

  it('imports a desk byline as a desk entry, with no address, that the checker accepts', async () => {
    const deskRaw = join(work, 'desk.txt');
    writeFileSync(
      deskRaw,
      `사회\n\n구청 민원 창구 주말 운영\n\n[포토]\n\n입력 2025.11.06 09:00\n\n구청 세 곳이 토요일에도 민원 창구를 연다.\n\n디지털뉴스부\n`,
    );
    const proposed = await importRaw(deskRaw);
    expect(proposed.code).toBe(1);
    expect(proposed.out).toContain('content/reporters.yaml에 없는 기자입니다: 디지털뉴스부');
    expect(proposed.out).toContain('kind: desk');
    expect(proposed.out).not.toContain('placeholder.invalid');

    const result = await importRaw(deskRaw, '--add-reporters', '--slug', 'weekend-desk');
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('버린 줄 (페이지 장식) 1줄: [포토]');
    expect(result.out).toContain('기자 dijiteollyuseubu');
    const text = readFileSync(join(dir, 'articles/2025/11/weekend-desk.md'), 'utf8');
    expect(text).toContain('reporters: [dijiteollyuseubu]');
    expect(text).not.toContain('[포토]');
    expect(readFileSync(join(dir, 'reporters.yaml'), 'utf8')).toContain(
      '- kind: desk\n  id: dijiteollyuseubu\n  name: 디지털뉴스부\n  desk: 디지털뉴스부\n',
    );
    // No placeholder photo and no address to fix: the checker accepts it as it is.
    const check = await cli('scripts/check-content.ts');
    expect(check.code, check.out).toBe(0);
  });

  it('imports the real scraped seed article when it is present', async (context) => {
    const seeds = '../shared/seeds';
    if (!existsSync(seeds)) return context.skip();
    // The sample site's sections, so that the seed's breadcrumb (부동산) is recognised.
    cpSync('content/sections.yaml', join(dir, 'sections.yaml'));
    for (const name of readdirSync(seeds)) {
      const result = await importRaw(
        join(seeds, name),
        '--add-reporters',
        '--date',
        '2025-11-01 09:00',
      );
      expect(result.code, result.out).toBe(0);
      expect(result.out).toContain('섹션 real-estate');
      expect(result.out).toMatch(/발신지 \S+ · 기자 [a-z-]+\n/);
      expect(result.out).toMatch(/부제 1줄 · 본문 \d+문단 · 사진 2장 · 저작권 줄 있음/);
      expect(result.out).toMatch(/버린 줄 \(페이지 장식\) \d+줄: 관련기사, 더보기/);
      const check = await cli('scripts/check-content.ts');
      // Only what the editor must replace is left: placeholder photos and new reporters' addresses.
      const problems = check.out.split('\n').filter((line) => /:\d+: /.test(line));
      expect(problems.length).toBeGreaterThan(0);
      for (const line of problems) expect(line).toMatch(/임시 사진입니다|임시 이메일입니다/);
    }
  });
});
