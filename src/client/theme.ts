/**
 * The page's colour theme, light or dark, set before the first paint. This is a small classic
 * script loaded by a blocking <script src> in <head> (neither defer nor async: a script may not be
 * inline under the site's CSP), so <html data-theme> is in place before the body is drawn and no
 * page flashes in the wrong theme.
 *
 * The theme follows the system's `prefers-color-scheme` until the reader presses the header's
 * toggle, a button that says which theme it switches to ("Switch to light theme"; both labels are
 * in the HTML and the stylesheet shows the one that applies). The choice is kept in localStorage only while
 * it differs from the system's: toggling back to what the system says clears it, and the site
 * follows the system again. So there are two visible states, with "follow the system" the
 * default and always one press away, and no third state to explain.
 *
 * With JavaScript off the stylesheet's media query follows the system, and the toggle, which
 * could do nothing, is hidden (global.css shows it only once `data-theme` is set).
 */

type Theme = 'light' | 'dark';

/** The localStorage key holding an explicit choice ("light" or "dark"). */
const THEME_STORAGE_KEY = 'theme';
/** The toggle button(s) in the page. */
const THEME_TOGGLE_SELECTOR = '.theme-toggle';

const root = document.documentElement;
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function systemTheme(): Theme {
  return darkQuery.matches ? 'dark' : 'light';
}

/** The stored choice; storage may be unavailable (disabled, sandboxed), which means none. */
function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function store(theme: Theme | null): void {
  try {
    if (theme) window.localStorage.setItem(THEME_STORAGE_KEY, theme);
    else window.localStorage.removeItem(THEME_STORAGE_KEY);
  } catch {
    // Not persisted, but the page still switches.
  }
}

/** The stylesheet does the rest: it shows the toggle's label for the theme it switches to. */
function apply(theme: Theme): void {
  root.dataset.theme = theme;
}

const current = (): Theme => storedTheme() ?? systemTheme();

// Now, before the body exists: the stylesheet picks its colours from data-theme.
apply(current());
// Following the system: when it changes, and when another tab makes or clears a choice.
darkQuery.addEventListener('change', () => apply(current()));
window.addEventListener('storage', (event) => {
  if (event.key === THEME_STORAGE_KEY || event.key === null) apply(current());
});

// Delegated, so the toggle works from the moment it is drawn.
document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  if (!target?.closest?.(THEME_TOGGLE_SELECTOR)) return;
  const next: Theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
  store(next === systemTheme() ? null : next);
  apply(next);
});
