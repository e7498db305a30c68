import { describe, expect, test } from 'vitest';
import { relativeUrl, relativizeCss, relativizeHtml, siteRelativePath } from '../../src/lib/html/relative-urls.ts';
import { classesIn, pruneKatexFontFaces, usedKatexFaces } from '../../src/lib/html/katex-fonts.ts';
import { offlinePolicy, sha256Source, SITE_POLICY } from '../../src/lib/html/csp.ts';
import { buildOfflineHtml, SharedWork } from '../../src/lib/html/offline.ts';

describe('relative URLs', () => {
  test.each([
    ['index.html', '_astro/a.css', '_astro/a.css'],
    ['index.html', '', './'],
    ['posts/nlp/x/index.html', '_astro/a.css', '../../../_astro/a.css'],
    ['posts/nlp/x/index.html', '', '../../../'],
    ['posts/nlp/x/index.html', 'posts/nlp/y/', '../y/'],
    ['posts/nlp/x/index.html', 'posts/nlp/x/offline.html', 'offline.html'],
    ['posts/nlp/x/index.html', 'tags/a/?q=1#top', '../../../tags/a/?q=1#top'],
    ['_astro/a.css', '_astro/font.woff2', 'font.woff2'],
  ])('from %s to /%s is %s', (from, target, expected) => {
    expect(relativeUrl(from, target)).toBe(expected);
  });

  test("only URLs under the base are the site's own", () => {
    expect(siteRelativePath('/blog/a/', '/blog/')).toBe('a/');
    expect(siteRelativePath('/blog', '/blog/')).toBe('');
    expect(siteRelativePath('/other/a/', '/blog/')).toBeNull();
    expect(siteRelativePath('//cdn.example/x.js', '/')).toBeNull();
    expect(siteRelativePath('https://example.org/', '/')).toBeNull();
    expect(siteRelativePath('a/b', '/')).toBeNull();
  });

  test('rewrites src and href in tags, and leaves text, absolute URLs and fragments alone', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><script defer src="/_charts/l.js"></script>' +
      '<a href="/posts/a/b/">x</a><a href="https://example.org/">y</a><a href="#top">z</a>' +
      '<pre>&lt;a href="/not-a-tag/"&gt;</pre>';
    expect(relativizeHtml(html, 'posts/a/c/index.html', '/')).toBe(
      '<link rel="stylesheet" href="../../../_astro/a.css"><script defer src="../../../_charts/l.js"></script>' +
        '<a href="../b/">x</a><a href="https://example.org/">y</a><a href="#top">z</a>' +
        '<pre>&lt;a href="/not-a-tag/"&gt;</pre>',
    );
  });

  test('honours a sub-path base', () => {
    expect(relativizeHtml('<a href="/blog/posts/a/">x</a>', 'index.html', '/blog/')).toBe('<a href="posts/a/">x</a>');
  });

  test('rewrites url() in stylesheets relative to the stylesheet', () => {
    expect(relativizeCss('a{src:url(/_astro/f.woff2) format("woff2")}b{background:url("data:x")}', '_astro/s.css', '/')).toBe(
      'a{src:url(f.woff2) format("woff2")}b{background:url("data:x")}',
    );
  });
});

describe('KaTeX fonts a page uses', () => {
  const css =
    '@font-face{font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(main.woff2)}' +
    '@font-face{font-family:KaTeX_Math;font-style:italic;font-weight:400;src:url(math.woff2)}' +
    '@font-face{font-family:KaTeX_AMS;font-style:normal;font-weight:400;src:url(ams.woff2)}' +
    '@font-face{font-family:Other;src:url(other.woff2)}' +
    '.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}' +
    '.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}' +
    '.katex .amsrm,.katex .mathbb{font-family:KaTeX_AMS}';

  test('collects class names', () => {
    expect([...classesIn('<span class="katex  mord"><i class="mathnormal"></i></span>')]).toEqual(['katex', 'mord', 'mathnormal']);
  });

  test('a page with \\sigma uses KaTeX_Main and KaTeX_Math italic, not AMS', () => {
    const used = usedKatexFaces(css, '<span class="katex"><span class="mord mathnormal">σ</span></span>');
    expect([...used].sort()).toEqual(['KaTeX_Main|400|normal', 'KaTeX_Math|400|italic']);
    const pruned = pruneKatexFontFaces(css, used);
    expect(pruned).toContain('main.woff2');
    expect(pruned).toContain('math.woff2');
    expect(pruned).not.toContain('ams.woff2');
    expect(pruned).toContain('other.woff2');
  });

  test('a page without math needs no KaTeX font', () => {
    expect(usedKatexFaces(css, '<p class="intro">No math</p>').size).toBe(0);
  });
});

describe('Content-Security-Policy', () => {
  test('the site policy allows scripts from the site only: no unsafe-inline, no unsafe-eval', () => {
    const scriptSrc = /script-src ([^;]*)/.exec(SITE_POLICY)![1];
    expect(scriptSrc).toBe("'self'");
    expect(SITE_POLICY).not.toMatch(/unsafe-eval/);
    expect(SITE_POLICY).toMatch(/style-src-attr 'unsafe-inline'/);
  });

  test('hashes inline code exactly as browsers do (sha256, base64)', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(sha256Source('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  test('the offline policy allows only its own inline code and data: fonts', () => {
    const policy = offlinePolicy({ scripts: ['a()'], styles: ['b{}'] });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src ${sha256Source('a()')}`);
    expect(policy).toContain(`style-src ${sha256Source('b{}')}`);
    expect(policy).toContain('font-src data:');
  });
});

describe('the self-contained file', () => {
  const files: Record<string, string> = {
    '_astro/site.css':
      '@font-face{font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url(main.woff2) format("woff2")}.katex{font:normal 1em KaTeX_Main}',
    '_astro/main.woff2': 'WOFF2',
    '_charts/chart-loader.js': 'loader("$&$\'")',
    '_charts/chart-runtime.js': 'runtime("</script>")',
    'favicon.svg': '<svg/>',
  };
  const read = async (path: string) => {
    if (!(path in files)) throw new Error(`no such file: ${path}`);
    return new TextEncoder().encode(files[path]);
  };
  const page =
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="x">' +
    '<link rel="icon" type="image/svg+xml" href="../../favicon.svg">' +
    '<script defer src="../../_charts/chart-loader.js"></script>' +
    '<link rel="stylesheet" href="../../_astro/site.css"></head>' +
    '<body><a href="../../">Home</a><a href="offline.html" data-offline-link download>Download</a>' +
    '<span class="katex">x</span><a href="#s">s</a></body></html>';

  test('inlines styles, fonts, icon and scripts, points links at the web, and sets a matching CSP', async () => {
    const html = await buildOfflineHtml({
      html: page,
      file: 'posts/a/index.html',
      siteUrl: 'https://example.org/blog/',
      appendScripts: ['_charts/chart-runtime.js'],
      read,
    });
    expect(html).toContain(`url(data:font/woff2;base64,${Buffer.from('WOFF2').toString('base64')})`);
    expect(html).toContain(`href="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"`);
    // "$&" in code is kept as it is, and "</script>" inside code cannot end the element.
    expect(html).toContain('<script>loader("$&$\'")</script>');
    expect(html).toContain('<script>runtime("<\\/script>")</script></body>');
    expect(html).toContain('<a href="https://example.org/blog/">Home</a>');
    expect(html).toContain('<a href="https://example.org/blog/posts/a/">Read this post online</a>');
    expect(html).toContain('<a href="#s">s</a>');
    expect(html).toContain(sha256Source('loader("$&$\'")'));
    expect(html).toContain(sha256Source('runtime("<\\/script>")'));
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(html).not.toMatch(/\s(src|href)="\.\.?\//);
  });

  test("the CSP lets only the project's own scripts run: an author's inline script or handler gets no hash", async () => {
    const authored = page.replace(
      '<span class="katex">',
      '<script>alert("author")</script><button onclick="alert(2)">b</button><span class="katex">',
    );
    const html = await buildOfflineHtml({ html: authored, file: 'posts/a/index.html', siteUrl: 'https://example.org/', read });
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!.trim().split(/\s+/);
    expect(scriptSrc).toEqual([sha256Source('loader("$&$\'")')]);
    expect(policy).not.toContain(sha256Source('alert("author")'));
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });

  test('lists the CSP hashes in document order, however long each file takes to read', async () => {
    const twoScripts = page.replace('</head>', '<script src="../../_charts/chart-runtime.js"></script></head>');
    const slowFirst = (delays: Record<string, number>) => async (path: string) => {
      await new Promise((resolve) => setTimeout(resolve, delays[path] ?? 0));
      return read(path);
    };
    const build = (delays: Record<string, number>) =>
      buildOfflineHtml({ html: twoScripts, file: 'posts/a/index.html', siteUrl: 'https://example.org/', read: slowFirst(delays) });
    const [loaderSlow, runtimeSlow] = await Promise.all([
      build({ '_charts/chart-loader.js': 30 }),
      build({ '_charts/chart-runtime.js': 30 }),
    ]);
    expect(loaderSlow).toBe(runtimeSlow);
    const policy = /content="([^"]*)"/.exec(loaderSlow)![1]!;
    expect(policy.indexOf(sha256Source('loader("$&$\'")'))).toBeLessThan(policy.indexOf(sha256Source('runtime("<\\/script>")')));
  });

  test('pages sharing work give the same files as pages built alone, and each asset is read once', async () => {
    const reads: string[] = [];
    const counting = async (path: string) => (reads.push(path), read(path));
    const shared = new SharedWork();
    const pages = ['posts/a/index.html', 'posts/b/index.html'];
    for (const file of pages) {
      const alone = await buildOfflineHtml({
        html: page,
        file,
        siteUrl: 'https://example.org/',
        appendScripts: ['_charts/chart-runtime.js'],
        read,
      });
      const withShared = await buildOfflineHtml({
        html: page,
        file,
        siteUrl: 'https://example.org/',
        appendScripts: ['_charts/chart-runtime.js'],
        read: counting,
        shared,
      });
      expect(withShared).toBe(alone);
    }
    // The stylesheet is read per page (which KaTeX fonts a page needs depends on the page); the
    // fonts, icon and scripts once for both.
    expect(reads.filter((path) => path !== '_astro/site.css').sort()).toEqual([
      '_astro/main.woff2',
      '_charts/chart-loader.js',
      '_charts/chart-runtime.js',
      'favicon.svg',
    ]);
  });

  test('fails, naming the file, when an asset cannot be read', async () => {
    await expect(
      buildOfflineHtml({ html: page.replace('site.css', 'gone.css'), file: 'posts/a/index.html', siteUrl: 'https://example.org/', read }),
    ).rejects.toThrow('no such file: _astro/gone.css');
  });
});
