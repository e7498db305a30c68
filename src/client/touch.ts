/**
 * A tap on a live chart shows the tooltip of the point nearest the finger, as a hover does with a
 * mouse. With the runtime's own nearest-point search, the tap goes to it. Otherwise Vega shows
 * tooltips on `pointermove` and Vega-Lite's hover selection clears on `pointerout`, and a tap
 * sends neither a move nor (until the next tap elsewhere) a lasting hover, and it ends with a
 * `pointerout`: so the tap becomes one `pointermove` where the finger lifted, and a finger's
 * `pointerout` is kept from Vega.
 */

import { dispatchPointerAt } from './pointer-at.ts';

/** A finger that moved further than this (CSS px) between down and up was scrolling, not tapping. */
const TAP_SLOP = 10;

type ShowAt = (pointer: { clientX: number; clientY: number }) => void;

/** Sends a tap as one pointer move to whatever Vega mark lies under the finger. */
function moveUnderFinger(live: HTMLElement): ShowAt {
  return (pointer) => dispatchPointerAt(live, pointer, ['pointermove'], { pointerType: 'touch', isPrimary: true });
}

/** Wires taps on a live chart's container to `showAt` (the nearest-point search), or to Vega's pointer handling. */
export function tapForTooltip(live: HTMLElement, showAt: ShowAt = moveUnderFinger(live)): void {
  let start: { x: number; y: number } | undefined;
  live.addEventListener('pointerdown', (event) => {
    start = event.pointerType === 'touch' && event.isPrimary ? { x: event.clientX, y: event.clientY } : undefined;
  });
  live.addEventListener('pointerup', (event) => {
    if (!start || event.pointerType !== 'touch') return;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    start = undefined;
    if (moved <= TAP_SLOP) showAt(event);
  });
  live.addEventListener(
    'pointerout',
    (event) => {
      if (event.pointerType === 'touch') event.stopPropagation();
    },
    { capture: true },
  );
}
