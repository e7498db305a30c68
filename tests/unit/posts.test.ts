import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { byYear, neighbours, newestFirst, postsByTag, readingMinutes } from '../../src/lib/posts.ts';
import { joinBase, postPath, tagPath, tagSlug } from '../../src/lib/site-paths.ts';
import { feedHtml } from '../../src/lib/feed/feed-html.ts';

const post = (id: string, date: string, tags: string[] = []) => ({ id, data: { title: id.toUpperCase(), date: new Date(date), tags } });

describe('post lists', () => {
  const posts = newestFirst([
    post('a', '2025-03-01', ['nlp']),
    post('b', '2026-01-01', ['nlp', 'rnn']),
    post('c', '2026-06-01', ['Neural Nets']),
  ]);

  test('newest first, older and newer neighbours', () => {
    expect(posts.map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(neighbours(posts, 'b')).toEqual({ older: posts[2], newer: posts[0] });
    expect(neighbours(posts, 'c')).toEqual({ older: posts[1], newer: undefined });
    expect(neighbours(posts, 'missing')).toEqual({});
  });

  test('by year and by tag', () => {
    expect(byYear(posts).map(([year, list]) => [year, list.map((p) => p.id)])).toEqual([
      [2026, ['c', 'b']],
      [2025, ['a']],
    ]);
    expect(postsByTag(posts).map(([tag, list]) => [tag, list.map((p) => p.id)])).toEqual([
      ['Neural Nets', ['c']],
      ['nlp', ['b', 'a']],
      ['rnn', ['b']],
    ]);
  });

  test('reading time counts the words of the prose, not the frontmatter or imports', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes(`---\ntitle: ${words(1000)}\n---\nimport x from 'y';\n${words(460)}`)).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('site paths', () => {
  test('join the base whether or not it ends in a slash', () => {
    expect(joinBase('/', 'tags/')).toBe('/tags/');
    expect(joinBase('/blog', 'tags/')).toBe('/blog/tags/');
    expect(joinBase('/blog/', '/rss.xml')).toBe('/blog/rss.xml');
    expect(joinBase('/blog/')).toBe('/blog/');
  });

  test('post and tag paths', () => {
    expect(postPath('nlp/rnns-and-vanishing-gradients')).toBe('posts/nlp/rnns-and-vanishing-gradients/');
    expect(tagSlug('Neural Nets & RNNs')).toBe('neural-nets-rnns');
    expect(tagPath('Café')).toBe('tags/cafe/');
  });
});

describe('feed HTML', () => {
  test("drops scripts and KaTeX's visual HTML, keeps MathML and SVG, makes URLs absolute", () => {
    const html =
      '<p><a href="../other/">x</a><a href="#s">s</a><a href="https://w.org/">w</a></p>' +
      '<span class="katex"><span class="katex-mathml"><math><mi>σ</mi></math></span><span class="katex-html" aria-hidden="true">σ</span></span>' +
      '<figure><svg viewBox="0 0 1 1"></svg><script type="application/json">{}</script></figure>';
    const out = feedHtml(html, 'https://example.org/blog/posts/nlp/a/');
    expect(out).toContain('href="https://example.org/blog/posts/nlp/other/"');
    expect(out).toContain('href="#s"');
    expect(out).toContain('href="https://w.org/"');
    expect(out).toContain('<math>');
    expect(out).toContain('<svg');
    expect(out).not.toContain('katex-html');
    expect(out).not.toContain('<script');
  });
});

describe('feed figures', () => {
  const figure =
    '<figure class="chart" id="decay"><vega-chart>' +
    '<svg class="marks chart__static chart__static--wide" width="672" height="400" viewBox="0 0 672 400"></svg>' +
    '<svg class="marks chart__static chart__static--narrow" width="328" height="240" viewBox="0 0 328 240"></svg>' +
    '</vega-chart><figcaption><span>Figure 1: Decay.</span><p class="chart__summary visually-hidden">Falls from 0.25.</p>' +
    '<details class="chart__more"><summary>Data and downloads</summary><p class="chart__in-words" aria-hidden="true">Falls from 0.25.</p>' +
    '<div class="chart__downloads"><button>SVG</button></div>' +
    '<div class="chart__data"><table><tr><td>0.25</td></tr></table></div>' +
    '<details class="chart__spec"><summary>Vega-Lite spec</summary><pre><code>{}</code></pre></details></details></figcaption></figure>';

  test('keep the wide chart, scaled to the column, its caption and summary; the rest becomes one link to the figure on the page', () => {
    const out = parseHTML(`<html><body>${feedHtml(figure, 'https://example.org/posts/nlp/a/')}</body></html>`).document;
    const svgs = [...out.querySelectorAll('figure svg')];
    expect(svgs.map((svg) => svg.getAttribute('class'))).toEqual(['marks chart__static chart__static--wide']);
    expect(svgs[0]?.getAttribute('style')).toBe('max-width: 100%; height: auto;');
    expect(out.querySelector('figcaption')?.textContent).toContain('Figure 1: Decay.');
    expect(out.querySelector('figcaption .chart__summary')?.textContent).toBe('Falls from 0.25.');
    expect(out.querySelector('figcaption .chart__summary')?.getAttribute('class')).toBe('chart__summary');
    expect(out.body.textContent?.match(/Falls from/g)).toHaveLength(1);
    expect(out.querySelectorAll('details, table, pre, button')).toHaveLength(0);
    const links = [...out.querySelectorAll('figure a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/posts/nlp/a/#decay']);
  });
});

describe('feed table figures', () => {
  test('keep the table and its caption; the CSV, a data: link, becomes a link to the table on the page', () => {
    const figure =
      '<figure class="table-figure" id="top-words" aria-labelledby="top-words-caption"><figcaption><span id="top-words-caption">Table 1: Top.</span></figcaption>' +
      '<div class="table-figure__scroll" role="region" tabindex="0"><table><thead><tr><th scope="col">word</th></tr></thead><tbody><tr><td>the</td></tr></tbody></table></div>' +
      '<details class="table-figure__more"><summary>Data and downloads</summary><p><a href="data:text/csv;charset=utf-8,word%0D%0Athe%0D%0A" download="top-words.csv">CSV data</a></p></details></figure>';
    const out = parseHTML(`<html><body>${feedHtml(figure, 'https://example.org/posts/nlp/a/')}</body></html>`).document;
    expect(out.querySelector('figcaption')?.textContent).toBe('Table 1: Top.');
    expect([...out.querySelectorAll('figure td')].map((td) => td.textContent)).toEqual(['the']);
    expect(out.querySelectorAll('details')).toHaveLength(0);
    expect([...out.querySelectorAll('figure a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/posts/nlp/a/#top-words',
    ]);
  });
});

describe('contents', () => {
  test('nests subsections under their section and leaves deeper headings out', async () => {
    const { contentsTree } = await import('../../src/lib/posts.ts');
    const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
    expect(contentsTree([h(3, 'Orphan'), h(2, 'A'), h(3, 'A1'), h(4, 'Deep'), h(3, 'A2'), h(2, 'B')])).toEqual([
      { slug: 'orphan', text: 'Orphan', children: [] },
      {
        slug: 'a',
        text: 'A',
        children: [
          { slug: 'a1', text: 'A1', children: [] },
          { slug: 'a2', text: 'A2', children: [] },
        ],
      },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
});
