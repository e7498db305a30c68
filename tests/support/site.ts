/** Reading pages of the built site in the tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export const POST_PATH = 'posts/nlp/rnns-and-vanishing-gradients/';

/** A built page's HTML and its parsed document. */
export async function readPage(distDir: string, path: string): Promise<{ html: string; document: Document }> {
  const html = await readFile(join(distDir, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  return { html, document: parseHTML(html).document as unknown as Document };
}
