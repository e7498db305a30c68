/** Small helpers over post entries that pages share. */

/** Posts newest first; ties broken by title so the order never depends on the file system. */
export function newestFirst<T extends { data: { date: Date; title: string } }>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title));
}

/** A date as readers see it, in UTC so the build does not depend on the machine's time zone: "18 October 2020". */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
