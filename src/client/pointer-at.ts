/** Pointer events sent to whatever lies at a place in a live chart, for Vega's own pointer handling. */

/** Dispatches `types`, in order, to the element at `pointer` if it is inside `live`. */
export function dispatchPointerAt(
  live: HTMLElement,
  pointer: { clientX: number; clientY: number },
  types: readonly string[],
  init: PointerEventInit = {},
): void {
  const target = document.elementFromPoint(pointer.clientX, pointer.clientY);
  if (!target || !live.contains(target)) return;
  const { clientX, clientY } = pointer;
  for (const type of types) target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, clientX, clientY, ...init }));
}
