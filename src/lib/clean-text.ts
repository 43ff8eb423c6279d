/**
 * What every content file's text goes through before anything reads it: the checker
 * (content-check.ts, content-files.ts) and the build (src/data/article-loader.ts, the YAML
 * lists in src/content.config.ts) call this one function, so they see the same text.
 *
 * - NFC: macOS tools and text copied from PDFs write Hangul decomposed (NFD); an NFD 로봇
 *   looks the same but is another string, so its tag page, search words and feeds would not
 *   match the NFC ones the rest of the archive uses.
 * - Control characters U+0000–U+001F other than tab and newline are removed (and U+FFFE,
 *   U+FFFF): they are invisible, never meant, and XML 1.0 forbids them, so one in a headline
 *   made rss.xml unreadable. Removing them loses nothing an editor can see; CR LF and a lone
 *   CR become a newline first, so Windows line ends keep their lines.
 */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').normalize('NFC');
}
