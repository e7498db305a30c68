// Everything a post uses, from one place: `import { VegaChart, ... } from '../../../../src/components';`
export { default as VegaChart } from './VegaChart.astro';
export { default as SourceListing } from './SourceListing.astro';
export { default as PrintedOutput } from './PrintedOutput.astro';
export { default as FigureCaption } from './FigureCaption.astro';
export { default as TableFigure } from './TableFigure.astro';
