/**
 * The feed: every published post with its full content, figures as inline SVG. The posts are
 * rendered with Astro's container API, the same components the pages use. The finished feed is
 * kept between builds, keyed by a fingerprint of every source (src/lib/feed/feed-cache.ts), so a
 * rebuild that changed nothing renders no post a second time.
 */
import { getRssString } from '@astrojs/rss';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { publishedPosts } from '../collections/posts.ts';
import { cachedFeed, feedCacheKey, sourceFingerprint } from '../lib/feed/feed-cache.ts';
import { feedHtml } from '../lib/feed/feed-html.ts';
import { joinBase, postPath } from '../lib/site-paths.ts';
import { xmlSafe } from '../lib/xml-text.ts';
import { SITE } from '../site.config.ts';
import { feedChannelExtras, feedCreators } from '../lib/feed/feed-meta.ts';

async function buildFeed(site: URL, base: string): Promise<string> {
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const posts = await publishedPosts();
  const items = await Promise.all(
    posts.map(async (post) => {
      const link = new URL(joinBase(base, postPath(post.id)), site).href;
      const { Content } = await render(post);
      const html = await container.renderToString(Content, { locals: { postFile: post.filePath } });
      // xmlSafe: a character XML cannot hold, anywhere in a post, must not make the whole feed unreadable.
      return {
        title: xmlSafe(post.data.title),
        description: xmlSafe(post.data.description),
        pubDate: post.data.date,
        link,
        categories: post.data.tags.map(xmlSafe),
        content: xmlSafe(feedHtml(html, link)),
        customData: feedCreators(SITE.authors),
      };
    }),
  );
  return getRssString({
    title: SITE.title,
    description: SITE.description,
    site: new URL(base, site).href,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: feedChannelExtras(
      SITE.language,
      posts.map((post) => post.data.updated ?? post.data.date),
    ),
    items,
  });
}

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost/');
  const base = import.meta.env.BASE_URL;
  const fingerprint = await sourceFingerprint();
  const key = fingerprint && feedCacheKey(fingerprint, import.meta.env.MODE, site.href, base);
  const feed = await cachedFeed(key, () => buildFeed(site, base));
  return new Response(feed, { headers: { 'Content-Type': 'application/xml' } });
}
