/**
 * The feed's channel and item fields that @astrojs/rss writes only as raw XML (`customData`): the
 * language, when the content last changed, and who wrote each post (Dublin Core's dc:creator, which
 * takes a name; RSS's own <author> wants an e-mail address).
 */
import { escapeXml } from '../xml-text.ts';

/**
 * `<language>` and `<lastBuildDate>`. The date is that of the newest post or update, not the
 * build's clock, so two builds of the same posts give the same bytes.
 */
export function feedChannelExtras(language: string, postDates: readonly Date[]): string {
  const newest = postDates.reduce<Date | undefined>((latest, date) => (!latest || date > latest ? date : latest), undefined);
  return `<language>${escapeXml(language)}</language>${newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : ''}`;
}

/** A `<dc:creator>` for each author. */
export function feedCreators(authors: readonly { readonly name: string }[]): string {
  return authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`).join('');
}
