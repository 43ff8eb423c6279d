/**
 * How a byline names its authors, as Korean papers print them: a person with the title
 * (김하윤 기자), a title shared once at the end (김하윤·박서준 기자), a desk or wire service
 * by its name alone (디지털뉴스부, 연합뉴스).
 */
import type { Reporter } from './schema.ts';

export const authorLabel = (author: Reporter) =>
  author.kind === 'desk' ? author.name : `${author.name} ${author.role}`;

export function authorsLine(authors: readonly Reporter[]): string {
  const roles = new Set(authors.map((a) => (a.kind === 'desk' ? undefined : a.role)));
  const [role] = roles;
  if (roles.size === 1 && role) return `${authors.map((a) => a.name).join('·')} ${role}`;
  return authors.map(authorLabel).join('·');
}
