/**
 * One warm headless render (renderChart) of the synthetic posts' two charts, timed in processes
 * of their own (render-worker.ts): on this kind of machine one process can run a third slower
 * than the next, so the bench reports the median of RENDER_PROCESSES processes.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, progress, round } from './util.ts';

/** Processes that time renderChart; the table shows the median. */
export const RENDER_PROCESSES = 5;

/** Renders each process times, after its warm-up. */
const RENDERS = 30;

const WORKER = fileURLToPath(new URL('render-worker.ts', import.meta.url));

export interface RenderResult {
  renders: number;
  processes: number;
  /** Wall-clock ms for one render of the line chart (300 rows, tooltips, zoom) and of the decay chart (6 rows). */
  linesMs: number;
  decayMs: number;
  /** Their mean, and its CPU ms (GC threads included). */
  perChartMs: number;
  perChartCpuMs: number;
  perProcessMs: number[];
  loadAverage: number;
}

interface WorkerTimes {
  renders: number;
  lines: { wallMs: number; cpuMs: number };
  decay: { wallMs: number; cpuMs: number };
}

/** Times one warm render per chart in RENDER_PROCESSES worker processes; medians across them. */
export function benchRender(): RenderResult {
  progress(`timing one headless render per chart, warm, in ${RENDER_PROCESSES} processes of their own...`);
  const timings = Array.from(
    { length: RENDER_PROCESSES },
    () =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', WORKER, String(RENDERS)],
          { encoding: 'utf8' },
        ),
      ) as WorkerTimes,
  );
  const medianOf = (pick: (timed: WorkerTimes) => number) => round(median(timings.map(pick)), 1);
  const render: RenderResult = {
    renders: timings[0]!.renders,
    processes: RENDER_PROCESSES,
    linesMs: medianOf((t) => t.lines.wallMs),
    decayMs: medianOf((t) => t.decay.wallMs),
    perChartMs: medianOf((t) => (t.lines.wallMs + t.decay.wallMs) / 2),
    perChartCpuMs: medianOf((t) => (t.lines.cpuMs + t.decay.cpuMs) / 2),
    perProcessMs: timings.map((t) => round((t.lines.wallMs + t.decay.wallMs) / 2, 1)),
    loadAverage: round(loadavg()[0]!, 2),
  };
  progress(
    `  line chart ${render.linesMs} ms, decay chart ${render.decayMs} ms (medians of ${render.renders} renders, then of ${RENDER_PROCESSES} processes: ${render.perProcessMs.join(', ')} ms per chart; ${render.perChartCpuMs} CPU ms per chart, GC threads included)`,
  );
  return render;
}
