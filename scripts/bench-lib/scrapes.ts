/**
 * Synthetic scrapes for `npm run bench:import`: original filler text in the layouts the
 * importer reads (fixtures/import/), varied by a seeded generator so that every run writes
 * the same files: breadcrumbs, sub-headlines, captions with each credit kind, scrape markers,
 * person, desk and wire-service bylines, pages with and without time stamps, 1 in 10 as HTML.
 */
const SECTIONS = ['경제 금융', '사회 교육', '정치', '세계', 'IT 과학', '문화', '부동산 주택'];
const SURNAMES = [...'김이박최정강조윤장임한오서신권황안송'];
const GIVEN = [...'하윤서준도민지우은예린시현주원태연수아'];
const TOPICS = [
  '도서관',
  '버스 노선',
  '전통시장',
  '청년 주택',
  '반도체 공장',
  '야간 공연',
  '해상 풍력',
  '돌봄교실',
];
const VERBS = ['늘린다', '새로 연다', '손본다', '시범 운영한다', '점검한다'];
const DESKS = ['디지털뉴스부', '국제부 종합', '편집국', '연합뉴스', '뉴시스'];
const CREDITS = [
  '사진 제공=시청',
  '사진=홍길동 기자',
  '/연합뉴스',
  '그래픽=윤서하 기자',
  '자료:통계청',
  '출처=한국은행',
];
const CHROME = ['더보기', 'top버튼', '공유하기', '[그래픽]', '[표]', '[포토]'];

/** Mulberry32: a small seeded generator, so every run writes the same scrapes. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Scrape {
  name: string;
  text: string;
}

export function* generateScrapes(count: number, seed = 1): Generator<Scrape> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const date = `2024.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}`;
    const topic = pick(TOPICS);
    const headline = `${pick(['시', '구', '도', '정부'])} ${topic} ${pick(VERBS)} ${i}호`;
    const lines = [pick(SECTIONS), headline];
    if (next() < 0.5) lines.push(`${topic} 이용자 ${10 + (i % 90)}% 늘어`);
    if (next() < 0.3) lines.push(pick(CHROME.slice(3)));
    if (next() < 0.7) lines.push(`${topic} 현장 모습. ${pick(CREDITS)}`);
    const stamped = next() < 0.8;
    if (stamped)
      lines.push(
        `입력 ${date} ${String(6 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      );
    const paragraphs = 3 + Math.floor(next() * 6);
    for (let p = 0; p < paragraphs; p++) {
      lines.push(
        `${topic} 사업은 ${p + 1}단계로 나뉘어 진행되며 올해 예산은 ${100 + p * 7}억 원이다.`,
      );
    }
    const byline =
      next() < 0.15
        ? pick(DESKS)
        : `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)} ${pick(['기자', '기자', '특파원'])}`;
    lines.push(byline, '<저작권자 ⓒ 새벽일보, 무단 전재 및 재배포 금지>', ...CHROME.slice(0, 3));
    // Undated scrapes carry the date in their file name, as exports of old archives do.
    const stem = `${stamped ? 'scrape' : date.replaceAll('.', '-')}-${String(i).padStart(5, '0')}`;
    if (i % 10 === 9) {
      const body = lines.map((line) => `<p>${line.replace(/</g, '&lt;')}</p>`).join('\n');
      yield {
        name: `${stem}.html`,
        text: `<!doctype html><html><head><title>${headline}</title></head><body><nav><a>홈</a><a>뉴스</a></nav><article>${body}</article><footer>새벽일보</footer></body></html>`,
      };
    } else {
      yield { name: `${stem}.txt`, text: lines.join('\n\n') + '\n' };
    }
  }
}
