/**
 * Bad input an author might give, one case each: the files of a one-post scratch site, and what
 * the build's error must say. tests/scratch/bad-input.test.ts builds each; docs/errors.md lists
 * the exact messages. Small multiples are in cases-multiples.ts; table figures in cases-tables.ts;
 * frontmatter, folders and tags in cases-content.ts; math and builds in cases-math.ts.
 */
import { chartPost, FILE, figuresPost, line, post, POST, type BadInputCase } from './case-kit.ts';
import { CONTENT_CASES } from './cases-content.ts';
import { MATH_AND_BUILD_CASES } from './cases-math.ts';
import { MULTIPLES_CASES } from './cases-multiples.ts';
import { EXPLORABLE_CASES } from './cases-explorable.ts';
import { TABLE_CASES } from './cases-tables.ts';
import { LOADER_CASES } from './cases-loaders.ts';

export type { BadInputCase } from './case-kit.ts';

/** Charts, their data and the code that makes them. */
const CHART_CASES: readonly BadInputCase[] = [
  {
    name: 'A spec with an unknown mark',
    files: chartPost("{ data: { values: [{ x: 1 }] }, mark: 'lines', encoding: { x: { field: 'x', type: 'quantitative' } } }"),
    mustSay: [FILE, 'chart "bad-chart"', 'the Vega-Lite spec is invalid: /mark is "lines", which is not one of'],
  },
  {
    name: 'A spec with an unknown encoding channel',
    files: chartPost("{ data: { values: [{ x: 1 }] }, mark: 'line', encoding: { colour: { field: 'x', type: 'nominal' } } }"),
    mustSay: [FILE, 'chart "bad-chart"', 'the Vega-Lite spec is invalid: /encoding has an unknown property "colour"'],
  },
  {
    name: 'An encoding field that is not in the data',
    files: chartPost(line('[{ x: 1, y: 2 }]', 'loss')),
    mustSay: [FILE, 'chart "bad-chart"', 'the encoding uses "loss", which the data does not have (fields: x, y)'],
  },
  {
    name: 'A data name that names no dataset',
    files: chartPost(
      "{ datasets: { words: [{ x: 1, y: 2 }] }, data: { name: 'counts' }, mark: 'bar', encoding: { x: { field: 'x', type: 'quantitative' } } }",
    ),
    mustSay: [
      FILE,
      'chart "bad-chart"',
      'the chart reads data named "counts", but the spec has no dataset of that name (its datasets are "words")',
    ],
  },
  {
    name: "NaN in a spec's data",
    files: chartPost(line('[{ x: 1, y: 2 }, { x: 2, y: NaN }]')),
    mustSay: [FILE, 'chart "bad-chart"', 'has NaN in field "y" at row 1'],
  },
  {
    name: "Infinity in a spec's data",
    files: chartPost(line('[{ x: Infinity, y: 2 }]')),
    mustSay: [FILE, 'chart "bad-chart"', 'has Infinity in field "x" at row 0'],
  },
  {
    name: 'NaN in a series given to a chart builder',
    files: figuresPost(
      "const x = linspace(0, 1, 5);\nexport const chart = layeredLineChart([{ name: 'Loss', x, y: x.map((v) => (v > 0.5 ? Number.NaN : v)), color: '#000' }], { xTitle: 'Epoch', yTitle: 'Loss' });",
    ),
    mustSay: [FILE, 'series "Loss" row 3 y must be a finite number, got NaN'],
  },
  {
    name: 'A line chart without axis titles',
    files: figuresPost("export const chart = layeredLineChart([{ name: 'Loss', x: [1, 2], y: [0.5, 0.25], color: '#000' }]);"),
    mustSay: [FILE, 'layeredLineChart needs options.xTitle: say what the x axis holds'],
  },
  {
    name: 'An empty data set',
    files: chartPost(line('[]')),
    mustSay: [FILE, 'chart "bad-chart"', 'the data set "values" is empty'],
  },
  {
    name: 'Two charts with the same id in one post',
    files: {
      [FILE]: post(
        `<VegaChart id="twice" spec={${line('[{ x: 1, y: 2 }]')}} caption="One." />\n\n<VegaChart id="twice" spec={${line('[{ x: 1, y: 3 }]')}} caption="Two." />`,
      ),
    },
    mustSay: [FILE, 'chart "twice"', 'two charts on this page have this id'],
  },
  {
    name: 'Frontmatter without a title',
    files: { [FILE]: post('Text.', 'date: 2026-01-01\ndescription: No title.') },
    mustSay: [`${FILE}:0:0`, 'posts → nlp/bad-post data does not match collection schema', 'title: is required: the post needs a title'],
  },
  {
    name: 'A date that is not a date',
    files: { [FILE]: post('Text.', 'title: Bad Date\ndate: someday soon\ndescription: The date is words.') },
    mustSay: [`${FILE}:0:0`, 'posts → nlp/bad-post data does not match collection schema', 'date: must be a date such as 2026-11-28'],
  },
  {
    name: 'Frontmatter that is not YAML',
    files: { [FILE]: post('Text.', 'title: [unclosed\ndate: 2026-01-01\ndescription: Broken YAML.') },
    mustSay: [`${FILE}:3:0`, 'missed comma between flow collection entries'],
  },
  {
    name: 'Two posts with the same URL',
    files: {
      [FILE]: post('One.'),
      [`${POST}/index.md`]: '---\ntitle: The Same URL\ndate: 2026-01-02\ndescription: Another post at the same address.\n---\n\nTwo.\n',
    },
    mustSay: ['two posts would have the URL /posts/nlp/bad-post/: content/posts/nlp/bad-post/index.md'],
  },
  {
    name: 'A "Figure Missing" placeholder left in a post',
    files: { [FILE]: post('Some text.\n\nFigure Missing\n\nMore text.') },
    mustSay: [`${FILE}:10`, 'a "Figure Missing" placeholder is left in the post'],
  },
  {
    name: 'A code listing naming a region that does not exist',
    files: {
      [FILE]: post('import source from \'./figures.ts?raw\';\n\n<SourceListing source={source} region="nowhere" file="figures.ts" />'),
      [`${POST}/figures.ts`]: '// #region data\nexport const x = 1;\n// #endregion data\n',
    },
    mustSay: [FILE, 'figures.ts has no region "nowhere" (regions: data)'],
  },
  {
    name: 'A transform the browser runtime does not bundle',
    files: chartPost(
      "{ data: { values: [{ v: 1 }, { v: 2 }] }, transform: [{ density: 'v' }], mark: 'area', encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'needs Vega transforms the browser runtime does not bundle: kde'],
  },
  {
    name: 'A nearest-point selection that another mark reads',
    files: chartPost(
      "{ data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, layer: [{ mark: 'point', params: [{ name: 'hover', select: { type: 'point', nearest: true, on: 'pointerover' } }], encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, tooltip: { field: 'y' } } }, { mark: 'rule', transform: [{ filter: { param: 'hover', empty: false } }], encoding: { x: { field: 'x', type: 'quantitative' } } }] }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'a nearest-point selection that other marks read', 'keep its tooltip'],
  },
  {
    name: 'A spec that loads its data from a URL',
    files: chartPost(
      "{ data: { url: 'https://example.com/losses.csv' }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'would be loaded from "https://example.com/losses.csv"', 'compute it, or read it, in figures.ts'],
  },
  {
    name: 'A spec that reads a file on the disk',
    files: chartPost("{ data: { url: 'file:///etc/passwd' }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' } } }"),
    mustSay: [FILE, 'chart "bad-chart"', 'would be loaded from "file:///etc/passwd"'],
  },
  {
    name: 'An image mark',
    files: chartPost(
      "{ data: { values: [{ x: 1, u: 'https://example.com/a.png' }] }, mark: 'image', encoding: { x: { field: 'x', type: 'quantitative' }, url: { field: 'u' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'it has an image mark, which loads its picture from a URL'],
  },
  {
    name: 'A javascript: link in a chart',
    files: chartPost(
      "{ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, href: { value: 'javascript:alert(1)' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'the chart links to "javascript:alert(1)"'],
  },
  {
    name: 'A control character in a series name',
    files: figuresPost(
      "export const chart = layeredLineChart([{ name: 'Sig\\u0000moid', x: [0, 1], y: [0, 1], color: '#000' }], { xTitle: 'x', yTitle: 'y' });",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'a control character (U+0000)'],
  },
  {
    name: 'An expression calling a function Vega does not have',
    files: chartPost(
      "{ data: { values: [{ x: 1 }] }, transform: [{ calculate: 'softplus(datum.x)', as: 'y' }], mark: 'point', encoding: { x: { field: 'y', type: 'quantitative' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'Vega could not read the chart: Unrecognized function: softplus'],
  },
  {
    name: 'A <script> in a post',
    files: { [FILE]: post('Text.\n\n<script>alert(1)</script>') },
    mustSay: [FILE, 'a <script> is not allowed in a post'],
  },
  {
    name: 'An event handler attribute in a post',
    files: { [FILE]: post('Text.\n\n<button onClick="alert(1)">Press</button>') },
    mustSay: [FILE, 'the onClick attribute on <button> is inline code'],
  },
  {
    name: 'A javascript: link in Markdown',
    files: { [FILE]: post('A [link](javascript:alert(1)) in the text.') },
    mustSay: [FILE, '<a href="javascript:alert(1)"> leads to a script or a local file'],
  },
  {
    name: 'Raw HTML with an event handler in a Markdown post',
    files: {
      [`${POST}/index.md`]:
        '---\ntitle: Raw HTML\ndate: 2026-01-01\ndescription: A post with raw HTML.\n---\n\n<img src="x.png" onerror="alert(1)">\n',
    },
    mustSay: [`${POST}/index.md`, 'the onerror attribute on <img> is inline code'],
  },
  {
    name: 'A chart without an id',
    files: { [FILE]: post(`<VegaChart spec={${line('[{ x: 1, y: 2 }]')}} caption="A chart." />`) },
    mustSay: [FILE, '<VegaChart> needs an id of lower-case letters, digits and dashes'],
  },
  {
    name: 'A chart without a caption',
    files: { [FILE]: post(`<VegaChart id="no-caption" spec={${line('[{ x: 1, y: 2 }]')}} />`) },
    mustSay: [FILE, '<VegaChart id="no-caption"> needs a caption'],
  },
  {
    name: 'A misspelt chart prop',
    files: { [FILE]: post(`<VegaChart id="typo" spec={${line('[{ x: 1, y: 2 }]')}} captoin="A chart." />`) },
    mustSay: [FILE, '<VegaChart> has no prop "captoin" (did you mean caption?)'],
  },
  {
    name: 'Text where a chart plots numbers',
    files: chartPost(line("[{ x: 1, y: 2 }, { x: 2, y: '3,5' }]")),
    mustSay: [FILE, 'chart "bad-chart"', 'the chart plots "y" as a number, but the data set "values" row 1 has the string "3,5" there'],
  },
  {
    name: 'A series colour that is not a colour',
    files: figuresPost(
      "export const chart = layeredLineChart([{ name: 'Loss', x: [0, 1], y: [1, 0.5], color: 'blu' }], { xTitle: 'Epoch', yTitle: 'Loss' });",
    ),
    mustSay: [FILE, 'series "Loss" has the colour "blu", which is not a colour'],
  },
  {
    name: 'A colour that is not a colour in a spec',
    files: chartPost(
      "{ data: { values: [{ x: 1 }] }, mark: { type: 'point', color: 'blu' }, encoding: { x: { field: 'x', type: 'quantitative' } } }",
    ),
    mustSay: [FILE, 'chart "bad-chart"', '"blu" at /mark/color is not a colour'],
  },
  {
    name: 'A number format d3 cannot read',
    files: figuresPost(
      "export const chart = layeredLineChart([{ name: 'Loss', x: [0, 1], y: [1, 0.5], color: '#000' }], { xTitle: 'Epoch', yTitle: 'Loss', yFormat: '.2z' });",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'the format ".2z"', 'is not a number format'],
  },
  {
    name: 'A chart 0 pixels wide',
    files: chartPost("{ width: 0, data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }"),
    mustSay: [FILE, 'chart "bad-chart"', "the chart's width at / is 0"],
  },
  {
    name: 'More rows than a figure may have',
    files: figuresPost(
      "const x = linspace(0, 1, 60000);\nexport const chart = layeredLineChart([{ name: 'Loss', x, y: x, color: '#000' }], { xTitle: 'Epoch', yTitle: 'Loss' });",
    ),
    mustSay: [FILE, 'chart "bad-chart"', 'the chart has 60,000 rows of data, more than the 50,000 a figure may have'],
  },
  {
    name: 'linspace with num = 0',
    files: figuresPost("export const chart = layeredLineChart([{ name: 'A', x: linspace(0, 1, 0), y: [], color: '#000' }]);"),
    mustSay: [FILE, 'num must be at least 1, got 0'],
  },
  {
    name: 'linspace with a non-finite bound',
    files: figuresPost(
      "export const chart = layeredLineChart([{ name: 'A', x: linspace(0, Infinity, 5), y: [1, 2, 3, 4, 5], color: '#000' }]);",
    ),
    mustSay: [FILE, 'stop must be a finite number, got Infinity'],
  },
];

/** Every case, in the order docs/errors.md lists them. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ...CHART_CASES,
  ...MULTIPLES_CASES,
  ...EXPLORABLE_CASES,
  ...LOADER_CASES,
  ...TABLE_CASES,
  ...CONTENT_CASES,
  ...MATH_AND_BUILD_CASES,
];
