/** The module hooks of stalled-tokenizer.mjs: rewrites the tokenizer's time check where it is loaded. */
import { appendFileSync } from 'node:fs';

const CHECK = 'const elapsedTime = Date.now() - startTime;';
const STALLED = 'const elapsedTime = Date.now() - startTime + 600;';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.source == null || (result.format !== 'module' && result.format !== 'commonjs')) return result;
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  if (!source.includes('function _tokenizeString(') || !source.includes(CHECK)) return result;
  if (process.env.STALLED_TOKENIZER_MARKER) appendFileSync(process.env.STALLED_TOKENIZER_MARKER, `${url}\n`);
  return { ...result, source: source.replaceAll(CHECK, STALLED) };
}
