/**
 * Reads a CPU profile (CDP Profiler's format, as .cpuprofile files hold it) into what the bench
 * reports: where the time went by kind (idle; "(program)", Chromium's native work outside
 * JavaScript: style, layout, paint, input; garbage collection; JavaScript and the DOM calls it
 * makes), and the functions with the most self time. Both pages' scripts are minified, so their
 * frames are named through source maps when the bench has them: the original file, line and name.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { RUNTIME_FILE } from '../../client/protocol.ts';
import { clientBuildOptions, entries } from '../../integrations/chart-runtime.ts';

/** The parts of a CDP Profiler.Profile the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A version 3 source map, with the sources' text. */
export interface SourceMap {
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

export interface ProfileSummary {
  /** The profile's length, ms. */
  totalMs: number;
  /** ms by kind; they add up to totalMs, but for the moment before the first sample. */
  kinds: { idle: number; program: number; garbageCollector: number; script: number };
  /** Self time by package (the folder under node_modules, src/client for ours, `native` for DOM calls), most first. */
  packages: { name: string; selfMs: number }[];
  /** The functions with the most self time (JavaScript or a native DOM call), most first. */
  top: { name: string; where: string; selfMs: number; code?: string }[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A decoded segment: generated column, then source index, line and column, and a name index when there is one. */
type Segment = number[];

/** Decodes a source map's `mappings` (base64 VLQ, fields relative to the previous segment) into segments per generated line. */
function decodeMappings(mappings: string): Segment[][] {
  const state = [0, 0, 0, 0]; // source, line, column, name: relative across the whole map
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((text) => {
        const fields: number[] = [];
        let value = 0;
        let shift = 0;
        for (const char of text) {
          const digit = BASE64.indexOf(char);
          value += (digit & 31) * 2 ** shift;
          if (digit & 32) shift += 5;
          else {
            fields.push(value % 2 ? -(value - 1) / 2 : value / 2);
            value = shift = 0;
          }
        }
        column += fields[0]!;
        const segment = [column];
        for (let i = 1; i < fields.length; i++) segment.push((state[i - 1]! += fields[i]!));
        return segment;
      });
  });
}

/** Looks up generated positions in one source map. */
export class SourceMapLookup {
  readonly #map: SourceMap;
  readonly #lines: Segment[][];

  constructor(map: SourceMap) {
    this.#map = map;
    this.#lines = decodeMappings(map.mappings);
  }

  /** The original position of a generated one (0-based), or null where the map says nothing. */
  original(line: number, column: number): { source: string; line: number; column: number; name?: string } | null {
    const segments = this.#lines[line] ?? [];
    let found: Segment | undefined;
    for (const segment of segments) {
      if (segment[0]! > column) break;
      found = segment;
    }
    if (!found || found.length < 4) return null;
    const source = this.#map.sources[found[1]!] ?? '?';
    return { source, line: found[2]!, column: found[3]!, name: found.length > 4 ? this.#map.names[found[4]!] : undefined };
  }

  /** The text of an original source's line (0-based), if the map carries the source. */
  sourceLine(source: string, line: number): string | undefined {
    const index = this.#map.sources.indexOf(source);
    return this.#map.sourcesContent?.[index]?.split('\n')[line];
  }
}

/** A source's path from its package (vega-scenegraph/src/SVGRenderer.js) or, for ours, from the project (src/client/tooltip.ts). */
const shortSource = (source: string) =>
  source.includes('node_modules/') ? source.replace(/^.*node_modules\//, '') : source.replace(/^(?:.*?\/)?(src\/)/, '$1');

/**
 * A frame's function name and its first line of code, from the original source. Minifiers keep
 * property and method names (CallExpression, handleTooltip), and the source line usually declares
 * the function (`name(...) {`, `name: (...) =>`, `function name`); what is left is anonymous.
 */
function describeFrame(
  minified: string,
  lookup: SourceMapLookup,
  position: { source: string; line: number; name?: string },
): { name: string; code: string } {
  let code = '';
  // Composed maps can land on the blank line just above a function.
  for (let line = position.line; line < position.line + 3 && !code; line++) code = lookup.sourceLine(position.source, line)?.trim() ?? '';
  const declared =
    /\bfunction\s*\*?\s*([\w$]+)/.exec(code) ??
    /^(?:(?:static|async|get|set)\s+)*([\w$]+)\s*\([^)]*\)\s*\{/.exec(code) ??
    /([\w$]+)\s*[:=]\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/.exec(code);
  // The map's own name at that point is often a parameter's (esbuild maps renamed identifiers), so it comes last.
  const name = declared?.[1] ?? (minified.length > 2 ? minified : (position.name ?? '(anonymous)'));
  return { name, code: code.length > 72 ? `${code.slice(0, 71)}…` : code };
}

/** Summarises `profile`; `maps` names frames of the scripts whose URLs end with its keys. */
export function summariseProfile(profile: CpuProfile, maps: Readonly<Record<string, SourceMapLookup>> = {}, count = 10): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // Sample i lasts until sample i + 1 (DevTools' convention); the last lasts until the profile ends.
  const self = new Map<number, number>();
  let at = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (at += delta));
  profile.samples.forEach((id, i) => {
    const duration = (i + 1 < times.length ? times[i + 1]! : profile.endTime) - times[i]!;
    self.set(id, (self.get(id) ?? 0) + duration);
  });

  const kinds = { idle: 0, program: 0, garbageCollector: 0, script: 0 };
  const byFunction = new Map<string, ProfileSummary['top'][number]>();
  const byPackage = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
    const ms = micros / 1000;
    if (functionName === '(idle)') kinds.idle += ms;
    else if (functionName === '(program)' || functionName === '(root)') kinds.program += ms;
    else if (functionName === '(garbage collector)') kinds.garbageCollector += ms;
    else kinds.script += ms;
    if (functionName.startsWith('(') && functionName !== '(anonymous)') {
      if (functionName !== '(idle)' && functionName !== '(root)') add(functionName, '', ms);
      continue;
    }
    const file = url.split('/').pop() ?? '';
    const map = Object.entries(maps).find(([suffix]) => url.endsWith(suffix))?.[1];
    const original = map && lineNumber >= 0 ? map.original(lineNumber, columnNumber) : null;
    if (map && original) {
      const { name, code } = describeFrame(functionName, map, original);
      add(name, `${shortSource(original.source)}:${original.line + 1}`, ms, code);
    } else if (!url) add(functionName || '(anonymous)', 'native', ms);
    else add(functionName || '(anonymous)', `${file}:${lineNumber + 1}:${columnNumber + 1}`, ms);
  }

  function add(name: string, where: string, ms: number, code?: string): void {
    if (where) {
      const owner =
        where === 'native' ? 'native' : where.startsWith('src/') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0]!;
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + ms);
    }
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, selfMs: 0, ...(code ? { code } : {}) };
    entry.selfMs += ms;
    byFunction.set(key, entry);
  }

  const round1 = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: round1((profile.endTime - profile.startTime) / 1000),
    kinds: {
      idle: round1(kinds.idle),
      program: round1(kinds.program),
      garbageCollector: round1(kinds.garbageCollector),
      script: round1(kinds.script),
    },
    packages: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, selfMs: round1(ms) })),
    top: [...byFunction.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, count)
      .map((entry) => ({ ...entry, selfMs: round1(entry.selfMs) })),
  };
}

/**
 * The chart runtime's source map: the runtime bundled again with the integration's own options
 * and a map beside it. Null unless that bundle is byte for byte the runtime the site serves
 * (`served`), as it is when src/client has not changed since the site was built.
 */
export async function runtimeSourceMap(served: string): Promise<SourceMapLookup | null> {
  const result = await build({
    ...clientBuildOptions(entries[RUNTIME_FILE]),
    // 'external' writes the map without a sourceMappingURL comment, so the code is unchanged.
    sourcemap: 'external',
    outfile: join(tmpdir(), RUNTIME_FILE),
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  return code === served && map ? new SourceMapLookup(JSON.parse(map.text) as SourceMap) : null;
}
