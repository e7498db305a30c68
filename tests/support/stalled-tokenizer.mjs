/**
 * A preload (node --import) that makes every Shiki tokenization in the process see a 600 ms
 * stall on each line, as a build on a loaded machine now and then did: vscode-textmate's check of
 * the line's time limit is rewritten to add 600 ms to the time it measured. With the site's
 * deterministicTokenizing transformer the limit is off and the check never runs, so the output
 * must not change. With STALLED_TOKENIZER_MARKER set, the path of each module rewritten is
 * appended to that file, so a test can tell the stall was in place.
 */
import { register } from 'node:module';

register('./stalled-tokenizer-hooks.mjs', import.meta.url);
