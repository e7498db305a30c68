/** Node's own modules, by both their names ("fs" and "node:fs"): what a browser bundle or a data loader may not import. */
import { builtinModules } from 'node:module';

export const NODE_BUILTINS: ReadonlySet<string> = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
