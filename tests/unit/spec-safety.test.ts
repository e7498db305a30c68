import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart, renderChart } from '../../src/lib/charts/render.ts';
import { ChartError } from '../../src/lib/charts/chart-error.ts';
import { externalResource, isSafeLink, refusingLoader, unprintableText, unsafeSvgLink } from '../../src/lib/charts/spec-safety.ts';

const x = { field: 'x', type: 'quantitative' } as const;

/** A local server that counts the requests it gets, to show that nothing reaches it. */
let server: ReturnType<typeof createServer>;
let requests = 0;
let origin = '';
let folder = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    requests++;
    response.end('x\n1\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  origin = `http://127.0.0.1:${address.port}`;
  folder = await mkdtemp(join(tmpdir(), 'spec-safety-'));
  await writeFile(join(folder, 'secret.csv'), 'x\n42\n');
});
afterAll(async () => {
  server.close();
  await rm(folder, { recursive: true, force: true });
});

describe('a chart loads nothing from outside the post', () => {
  test.each([
    ['an http URL', () => `${origin}/data.csv`],
    ['a file:// URL', () => `file://${folder}/secret.csv`],
    ['a relative path', () => '../../../etc/passwd'],
  ])('a data.url (%s) stops the build, naming the chart and the URL, and is never requested', async (_label, url) => {
    const spec = { data: { url: url() }, mark: 'point', encoding: { x } } as TopLevelSpec;
    const error = await renderChart('remote-data', spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toContain('chart "remote-data"');
    expect((error as ChartError).message).toContain(JSON.stringify(url()));
    expect(requests).toBe(0);
  });

  test('an image mark (a url encoding) stops the build', async () => {
    const spec = {
      data: { values: [{ x: 1, u: `${origin}/a.png` }] },
      mark: 'image',
      encoding: { x, url: { field: 'u' } },
    } as TopLevelSpec;
    await expect(renderChart('picture', spec)).rejects.toThrow(/image mark/);
    expect(requests).toBe(0);
  });

  test('externalResource finds data URLs in nested groups too', () => {
    const vega = compileChart('faceted', {
      data: { values: [{ x: 1, g: 'a' }] },
      facet: { row: { field: 'g' } },
      spec: { mark: 'point', encoding: { x } },
    } as TopLevelSpec);
    expect(externalResource(vega)).toBeUndefined();
    const nested = { ...vega, marks: [...(vega.marks ?? []), { type: 'group', data: [{ name: 'inner', url: 'https://x.test/d.json' }] }] };
    expect(externalResource(nested as never)).toContain('"inner" would be loaded from "https://x.test/d.json"');
  });

  test("the build's loader refuses every load itself, even one the checks miss: nothing reaches the server or the disk", async () => {
    const loads = refusingLoader();
    const spec = {
      data: [
        { name: 'web', url: `${origin}/data.csv`, format: { type: 'csv' } },
        { name: 'disk', url: `file://${folder}/secret.csv`, format: { type: 'csv' } },
      ],
    };
    const view = new View(parse(spec), { renderer: 'none', loader: loads.loader as never });
    view.logLevel(0);
    await view.runAsync();
    expect(view.data('web')).toEqual([]);
    expect(view.data('disk')).toEqual([]);
    expect(loads.refused).toEqual([`${origin}/data.csv`, `file://${folder}/secret.csv`]);
    expect(requests).toBe(0);
    view.finalize();
  });
});

describe('links and text a chart may not carry', () => {
  test('isSafeLink allows the web, mail, anchors and site paths, and nothing that runs or reads', () => {
    for (const ok of [
      'https://example.org/a',
      'http://x.test',
      'mailto:a@b.c',
      '#fig-1',
      '/posts/x/',
      './a',
      '../b',
      'page.html',
      'a/b?c#d',
    ]) {
      expect(isSafeLink(ok), ok).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
    expect(unsafeSvgLink('<a xlink:href="https://ok.test"></a><a href="&#106;avascript:x"></a>')).toBe('javascript:x');
  });

  test('a javascript: link stops the build (as a value or from the data), where Vega used to crash the process', async () => {
    const asValue = {
      data: { values: [{ x: 1 }] },
      mark: 'point',
      encoding: { x, href: { value: 'javascript:alert(1)' } },
    } as TopLevelSpec;
    await expect(renderChart('bad-link', asValue)).rejects.toThrow('the chart links to "javascript:alert(1)"');
    const fromData = {
      data: { values: [{ x: 1, h: 'JAVASCRIPT:alert(1)' }] },
      mark: 'point',
      encoding: { x, href: { field: 'h' } },
    } as TopLevelSpec;
    await expect(renderChart('bad-link', fromData)).rejects.toThrow(ChartError);
    const web = {
      data: { values: [{ x: 1, h: 'https://example.org/' }] },
      mark: 'point',
      encoding: { x, href: { field: 'h' } },
    } as TopLevelSpec;
    expect((await renderChart('good-link', web)).svg).toContain('href="https://example.org/"');
  });

  test('a control character in the data or the spec stops the build, naming where it is', () => {
    expect(unprintableText({}, { series: [{ name: 'ok' }, { name: 'Sig\u0000moid' }] })).toMatch(
      /^the data set "series" row 1 field "name" has a control character \(U\+0000\)/,
    );
    expect(unprintableText({ title: 'Tab\tand\nnewline are fine' }, {})).toBeUndefined();
    expect(unprintableText({ encoding: { x: { title: 'bell\u0007' } } }, {})).toContain('/encoding/x/title');
    expect(unprintableText({}, { s: [{ ['key\u001f']: 1 }] })).toContain('U+001F');
    expect(unprintableText({ description: 'lone \ud800 surrogate' }, {})).toContain('U+D800');
  });

  test('an expression calling a function Vega does not have names the chart and the function', async () => {
    const spec = {
      data: { values: [{ x: 1 }] },
      transform: [{ calculate: 'softplus(datum.x)', as: 'y' }],
      mark: 'point',
      encoding: { x: { field: 'y', type: 'quantitative' } },
    } as TopLevelSpec;
    await expect(renderChart('activation', spec)).rejects.toThrow(
      new ChartError('activation', 'Vega could not read the chart: Unrecognized function: softplus'),
    );
  });
});

describe('text that reaches XML', () => {
  test('xmlSafe drops exactly the characters XML 1.0 cannot hold', async () => {
    const { xmlSafe } = await import('../../src/lib/xml-text.ts');
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\ufffef\ud800g')).toBe('abcdefg');
    expect(xmlSafe('tab\tline\ncr\r — σ′ 😀 深層')).toBe('tab\tline\ncr\r — σ′ 😀 深層');
  });
});
