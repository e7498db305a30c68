/**
 * Times renderChart, warm, for `npm run bench`: run by it in a process of its own, so the timing
 * sees only the renderer's modules and heap (not Lighthouse's or Playwright's). Renders the two
 * charts of synthetic posts 901..910 to warm up, then of posts 1..N, and prints the medians as JSON.
 *
 *   node --experimental-transform-types src/cli/bench/render-worker.ts [N]
 */
import { renderChart } from '../../lib/charts/render.ts';
import { benchFigures } from './synthetic-posts.ts';

const count = Number(process.argv[2] ?? 30);
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

for (let n = 901; n <= 910; n++) for (const [kind, spec] of Object.entries(benchFigures(n))) await renderChart(kind, spec);

const times: Record<string, { wall: number[]; cpu: number[] }> = {};
for (let n = 1; n <= count; n++) {
  for (const [kind, spec] of Object.entries(benchFigures(n))) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await renderChart(kind, spec);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    (times[kind] ??= { wall: [], cpu: [] }).wall.push(wall);
    times[kind].cpu.push((used.user + used.system) / 1000);
  }
}

const result = Object.fromEntries(Object.entries(times).map(([kind, t]) => [kind, { wallMs: median(t.wall), cpuMs: median(t.cpu) }]));
console.log(JSON.stringify({ renders: count, ...result }));
