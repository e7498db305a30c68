/**
 * A Copy button on each code listing, added by script: with JavaScript off (and in the feed) there
 * is no button that could do nothing. The button copies the listing's text as it reads, says
 * "Copied" for a moment (and to screen readers, politely), and where the browser gives no clipboard
 * (an older one, or a page the browser does not trust with it) selects the code so the reader can
 * copy it with the keyboard.
 */

const LISTING_SELECTOR = 'figure.listing';
/** How long "Copied" stays before the button reads "Copy" again (ms). */
const CONFIRMATION_MS = 2000;

/** Selects the text of `element`, for the reader to copy themselves. */
function selectText(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function addCopyButton(listing: HTMLElement): void {
  const code = listing.querySelector('pre');
  if (!code || listing.querySelector('.listing__copy')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'listing__copy';
  button.textContent = 'Copy';
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  let reset: ReturnType<typeof setTimeout> | undefined;
  const say = (label: string, announcement: string) => {
    button.textContent = label;
    status.textContent = announcement;
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, CONFIRMATION_MS);
  };
  button.addEventListener('click', () => {
    const text = code.textContent ?? '';
    const copied = navigator.clipboard?.writeText(text);
    if (!copied) {
      selectText(code);
      say('Selected', 'The code is selected: press Ctrl+C (⌘C) to copy it');
      return;
    }
    copied.then(
      () => say('Copied', 'Copied the code'),
      () => {
        selectText(code);
        say('Selected', 'Could not copy; the code is selected: press Ctrl+C (⌘C) to copy it');
      },
    );
  });
  listing.append(button, status);
}

/** Adds the buttons to every listing of the page. */
export function addCopyButtons(root: ParentNode = document): void {
  for (const listing of root.querySelectorAll<HTMLElement>(LISTING_SELECTOR)) addCopyButton(listing);
}
