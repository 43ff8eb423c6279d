/**
 * The articles a pull request changes, from the paths git lists (`git diff --name-only`): an
 * article file, or any file in an article's folder (a photo), gives that article's id. Used
 * by the preview job of .github/workflows/pr.yml; deleted articles are the caller's to leave out.
 */
import { parseArticlePath } from './urls.ts';

const IN_ARTICLES = /^content\/articles\/(.+)$/;
/** A file inside an article folder: 2025/11/slug/photo.jpg → 2025/11/slug/index.md. */
const IN_FOLDER = /^(\d{4}\/\d{2}\/[^/]+)\/[^/]+$/;

export function changedArticleIds(paths: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const path of paths) {
    const inside = IN_ARTICLES.exec(path.trim().replaceAll('\\', '/'))?.[1];
    if (!inside) continue;
    const asFile = parseArticlePath(inside);
    const folder = IN_FOLDER.exec(inside)?.[1];
    const parsed =
      typeof asFile === 'string' && folder ? parseArticlePath(`${folder}/index.md`) : asFile;
    if (typeof parsed !== 'string') ids.add(parsed.id);
  }
  return [...ids].sort();
}
