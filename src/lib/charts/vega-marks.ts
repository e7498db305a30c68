/** Walking a compiled Vega spec's marks, which nest in group marks. */

/** A mark that may hold marks of its own (a group), as far as walking them needs. */
export interface NestedMark {
  readonly marks?: readonly NestedMark[];
}

/** Every mark under `node` (a spec or a group), depth first: each group before the marks it holds. */
export function allMarks<M extends NestedMark>(node: { readonly marks?: readonly M[] }): M[] {
  return (node.marks ?? []).flatMap((mark) => [mark, ...allMarks(mark as { readonly marks?: readonly M[] })]);
}
