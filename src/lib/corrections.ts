/**
 * Corrections (정정·반론보도) across the archive, newest first, for the /corrections/ page and
 * its feed; and how an article's notice labels them.
 */
import type { Correction } from './schema.ts';

export interface CorrectedArticle {
  id: string;
  url: string;
  headline: string;
  corrections: readonly Correction[];
}

export interface CorrectionEntry<A> extends Correction {
  article: A;
}

/** 정정보도, 반론보도, 추가보도: what a paper calls each kind in its notice. */
export const correctionTitle = (kind: Correction['kind']) => `${kind}보도`;

export function allCorrections<A extends CorrectedArticle>(
  articles: readonly A[],
): CorrectionEntry<A>[] {
  return articles
    .flatMap((article) => article.corrections.map((c) => ({ ...c, article })))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.article.id.localeCompare(b.article.id));
}

/** Anchor of an article's correction notice, linked from the list and the feed. */
export const CORRECTIONS_ANCHOR = 'corrections';
