/**
 * Byline names → reporter ids in content/reporters.yaml. A name not on the list becomes a new
 * entry with a romanised id (김연하 → kim-yeonha) and, unless the byline printed one, an
 * address in the reserved `.invalid` domain that the checker refuses until it is replaced.
 * A desk or wire service byline (국제부 종합, 연합뉴스) is matched by its name the same way and
 * becomes a `kind: desk` entry, which has no address.
 */
import { romanize } from 'es-hangul';
import { reporterIdFor } from '../reporter-id.ts';
import type { DeskAuthor, Person, Reporter } from '../schema.ts';
import type { BylineDesk, BylineReporter } from './types.ts';

/** An entry as written to reporters.yaml: a person's `kind` is left out, as editors write it. */
export type NewAuthor = (Omit<Person, 'kind'> & { kind?: never }) | DeskAuthor;

/** The entry as the schema reads it back. */
export const asReporter = (author: NewAuthor): Reporter =>
  author.kind === 'desk' ? author : { ...author, kind: 'person' };

export interface ReporterMatch {
  /** Ids in byline order. */
  ids: string[];
  /** Reporters to add to content/reporters.yaml. */
  added: NewAuthor[];
  /** Names that match more than one listed reporter. */
  ambiguous: string[];
}

/** The ids wire services go by in Latin letters, not as their names romanise. */
const AGENCY_IDS: Record<string, string> = { 연합뉴스: 'yonhap', 뉴시스: 'newsis', 뉴스1: 'news1' };

function deskIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    AGENCY_IDS[name] ??
    name
      .split(/\s+/)
      .map((word) => romanize(word).toLowerCase())
      .join('-')
      .replace(/[^a-z0-9-]/g, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function matchReporters(
  byline: BylineReporter[],
  known: readonly Reporter[],
  desk: string,
  bylineDesk?: BylineDesk,
): ReporterMatch {
  const result: ReporterMatch = { ids: [], added: [], ambiguous: [] };
  // Built only when a new id has to be found: most bylines name listed reporters.
  let taken: Set<string> | undefined;
  const takenIds = () => (taken ??= new Set(known.map((r) => r.id)));
  if (bylineDesk) {
    const listed = known.filter((r) => r.kind === 'desk' && r.name === bylineDesk.name);
    if (listed.length === 1) result.ids.push(listed[0]!.id);
    else if (listed.length > 1) {
      result.ambiguous.push(`${bylineDesk.name} (${listed.map((r) => r.id).join(', ')})`);
    } else {
      const id = deskIdFor(bylineDesk.name, takenIds());
      result.ids.push(id);
      result.added.push({
        kind: 'desk',
        id,
        name: bylineDesk.name,
        desk: bylineDesk.desk,
        bio: '',
      });
    }
    return result;
  }
  const people = known.filter((r) => r.kind === 'person');
  for (const person of byline) {
    const sameName = people.filter((r) => r.name === person.name);
    const sameRole = sameName.filter((r) => r.role === person.role);
    const candidates = sameRole.length > 0 ? sameRole : sameName;
    if (candidates.length === 1) {
      result.ids.push(candidates[0]!.id);
    } else if (candidates.length > 1) {
      result.ambiguous.push(`${person.name} (${candidates.map((r) => r.id).join(', ')})`);
    } else {
      const id = reporterIdFor(person.name, takenIds());
      takenIds().add(id);
      result.ids.push(id);
      result.added.push({
        id,
        name: person.name,
        role: person.role,
        email: person.email ?? `${id}@placeholder.invalid`,
        desk,
        bio: '',
      });
    }
  }
  return result;
}
