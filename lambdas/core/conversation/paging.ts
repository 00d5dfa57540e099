/** A list message holds at most 10 rows: a page is 10 items, or 9 and a "More" row when more remain. */
const MAX_ROWS = 10;

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  more: boolean;
}

export function pageOf<T>(items: readonly T[], page: number): Page<T> {
  const size = items.length <= MAX_ROWS ? MAX_ROWS : MAX_ROWS - 1;
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return {
    items: items.slice(current * size, current * size + size),
    page: current,
    pages,
    more: current < pages - 1,
  };
}

/** The page on which an item is shown. */
export function pageIndexOf<T>(items: readonly T[], item: T): number {
  const size = items.length <= MAX_ROWS ? MAX_ROWS : MAX_ROWS - 1;
  return Math.max(0, Math.floor(items.indexOf(item) / size));
}
