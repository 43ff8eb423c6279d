/**
 * A byline as one line of text, the way Korean papers print it: each reporter with their own
 * role (김하윤 기자·정은서 선임기자), or the role once after the names when all share it
 * (김하윤·박서준 기자). Printing one role for two people would make a 선임기자 a 기자.
 */
export function bylineText(reporters: readonly { name: string; role: string }[]): string {
  if (reporters.length === 0) return '';
  const role = reporters[0].role;
  if (reporters.every((r) => r.role === role)) {
    return `${reporters.map((r) => r.name).join('·')} ${role}`;
  }
  return reporters.map((r) => `${r.name} ${r.role}`).join('·');
}
