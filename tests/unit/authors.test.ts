/** Desk authors in reporters.yaml (schema.ts) and how bylines name authors (authors.ts). */
import { describe, expect, it } from 'vitest';
import { authorLabel, authorsLine } from '../../src/lib/authors.ts';
import { reporterSchema, type Reporter } from '../../src/lib/schema.ts';

const person = (name: string, role: '기자' | '특파원' = '기자') =>
  reporterSchema.parse({ id: 'x', name, role, email: 'x@example.com', desk: '경제부' });
const desk = (name: string) => reporterSchema.parse({ kind: 'desk', id: 'd', name, desk: name });

describe('reporterSchema', () => {
  it('reads an entry without kind as a person, as every older entry is', () => {
    expect(person('김하윤')).toMatchObject({ kind: 'person', role: '기자', bio: '' });
  });
  it('reads a desk with a name and a desk, and refuses an address or a title on it', () => {
    expect(desk('국제부 종합')).toEqual({
      kind: 'desk',
      id: 'd',
      name: '국제부 종합',
      desk: '국제부 종합',
      bio: '',
    });
    const withEmail = reporterSchema.safeParse({
      kind: 'desk',
      id: 'd',
      name: '편집국',
      desk: '편집국',
      email: 'desk@example.com',
      role: '기자',
    });
    expect(withEmail.error?.issues.map((i) => i.message)).toEqual([
      '부서·통신사(kind: desk)에는 id, name, desk, bio만 씁니다: email, role 항목을 지우세요',
    ]);
  });
  it('still requires a person to have an address, and names the kinds it knows', () => {
    const noEmail = reporterSchema.safeParse({
      id: 'x',
      name: '김하윤',
      role: '기자',
      desk: '경제부',
    });
    expect(noEmail.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
    const unknown = reporterSchema.safeParse({ kind: 'team', id: 'x', name: '팀', desk: '팀' });
    expect(unknown.error?.issues[0]?.message).toContain('kind는 person');
  });
});

describe('authorLabel and authorsLine', () => {
  it('prints a person with the title and a desk or wire service by its name alone', () => {
    expect(authorLabel(person('김하윤'))).toBe('김하윤 기자');
    expect(authorLabel(desk('연합뉴스'))).toBe('연합뉴스');
  });
  it('prints a title shared by every name once, at the end', () => {
    const both: Reporter[] = [person('김하윤'), person('박서준')];
    expect(authorsLine(both)).toBe('김하윤·박서준 기자');
    expect(authorsLine([person('김하윤'), person('정하람', '특파원')])).toBe(
      '김하윤 기자·정하람 특파원',
    );
    expect(authorsLine([desk('디지털뉴스부')])).toBe('디지털뉴스부');
    expect(authorsLine([person('김하윤'), desk('연합뉴스')])).toBe('김하윤 기자·연합뉴스');
  });
});
