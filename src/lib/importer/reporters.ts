/**
 * Byline names → reporter ids in content/reporters.yaml. A name not on the list becomes a new
 * entry with a romanised id (김연하 → kim-yeonha) and, unless the byline printed one, an
 * address in the reserved `.invalid` domain that the checker refuses until it is replaced.
 */
import { reporterIdFor } from '../reporter-id.ts';
import type { Reporter } from '../schema.ts';
import type { BylineReporter } from './types.ts';

export interface ReporterMatch {
  /** Ids in byline order. */
  ids: string[];
  /** Reporters to add to content/reporters.yaml. */
  added: Reporter[];
  /** Names that match more than one listed reporter. */
  ambiguous: string[];
}

export function matchReporters(
  byline: BylineReporter[],
  known: readonly Reporter[],
  desk: string,
): ReporterMatch {
  const taken = new Set(known.map((r) => r.id));
  const result: ReporterMatch = { ids: [], added: [], ambiguous: [] };
  for (const person of byline) {
    const sameName = known.filter((r) => r.name === person.name);
    const sameRole = sameName.filter((r) => r.role === person.role);
    const candidates = sameRole.length > 0 ? sameRole : sameName;
    if (candidates.length === 1) {
      result.ids.push(candidates[0]!.id);
    } else if (candidates.length > 1) {
      result.ambiguous.push(`${person.name} (${candidates.map((r) => r.id).join(', ')})`);
    } else {
      const id = reporterIdFor(person.name, taken);
      taken.add(id);
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
