/**
 * What <VegaChart> takes, checked when a post renders: MDX passes whatever the author wrote, and
 * TypeScript does not check a post's props. A missing id or caption, or a misspelt prop, stops
 * the build with the prop named, instead of a figure without a name or a caption.
 */
import { describeValue, editDistance } from '../frontmatter.ts';

/** The props <VegaChart> has. */
export const CHART_PROPS = ['id', 'spec', 'caption'] as const;

/** Props the build adds itself: where an explorable figure comes from (src/lib/markdown/remark-figure-sources.ts). */
const ADDED_PROPS: readonly string[] = ['source'];

/** What a chart id may be: it becomes the figure's id and the SVG's ids' prefix. */
export const CHART_ID = /^[a-z][a-z0-9-]*$/;

/** The first problem with a <VegaChart>'s props, in words for the post's author, or undefined. */
export function chartPropsProblem(given: object): string | undefined {
  const props = given as Readonly<Record<string, unknown>>;
  for (const name of Object.keys(props)) {
    if ((CHART_PROPS as readonly string[]).includes(name) || ADDED_PROPS.includes(name)) continue;
    const near = CHART_PROPS.find((known) => editDistance(name.toLowerCase(), known) <= 2);
    return `<VegaChart> has no prop "${name}"${near ? ` (did you mean ${near}?)` : ''}; its props are id, spec and caption`;
  }
  const { id, spec, caption } = props;
  if (typeof id !== 'string' || !CHART_ID.test(id)) {
    return `<VegaChart> needs an id of lower-case letters, digits and dashes, starting with a letter (e.g. id="loss-curve"); got ${describeValue(id)}`;
  }
  if (typeof caption !== 'string' || caption.trim() === '') {
    return `<VegaChart id="${id}"> needs a caption: the sentence under the figure, which also names it for screen readers; got ${describeValue(caption)}`;
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    return `<VegaChart id="${id}"> needs a spec: a Vega-Lite spec, usually from a builder in src/lib/charts/builders.ts, or an explorable figure (src/lib/explorable.ts); got ${describeValue(spec)}`;
  }
  return undefined;
}
