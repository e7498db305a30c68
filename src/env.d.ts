declare namespace App {
  interface Locals {
    /** The source file of the post being rendered, so components can name it in their errors. */
    postFile?: string;
    /**
     * The path of the post's own page, set by its route: explorable figures are recorded for that
     * page's figure code. Unset where a post is rendered elsewhere (into the feed), which records none.
     */
    postPage?: string;
    /** The chart ids already on the page being rendered, to refuse a second chart with the same id. */
    chartIds?: Set<string>;
    /** How many numbered figures the page has so far (FigureCaption, VegaChart). */
    figureCount?: number;
    /** How many numbered tables the page has so far (TableFigure, FigureCaption label="Table"). */
    tableCount?: number;
  }
}
