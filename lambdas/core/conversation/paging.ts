/**
 * A list message holds at most 10 rows. A list of up to 10 items is one page. A longer one pages: the first page
 * shows 9 items and a "More" row; a later page a "Previous" row too, so 8 items, or up to 9 on the last page.
 */
const MAX_ROWS = 10;

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  more: boolean;
  previous: boolean;
}

/** Where each page starts; the last entry is where the items end. */
function pageStarts(count: number): number[] {
  if (count <= MAX_ROWS) return [0, count];
  const starts = [0, MAX_ROWS - 1];
  while (starts.at(-1)! < count) {
    const left = count - starts.at(-1)!;
    starts.push(starts.at(-1)! + (left <= MAX_ROWS - 1 ? left : MAX_ROWS - 2));
  }
  return starts;
}

export function pageOf<T>(items: readonly T[], page: number): Page<T> {
  const starts = pageStarts(items.length);
  const pages = starts.length - 1;
  const current = Math.min(Math.max(0, page), pages - 1);
  return {
    items: items.slice(starts[current], starts[current + 1]),
    page: current,
    pages,
    more: current < pages - 1,
    previous: current > 0,
  };
}

/** The page on which the item at this index of a list this long is shown, and its row there (from 0). */
export function positionOf(count: number, index: number): { page: number; row: number } {
  const starts = pageStarts(count);
  const page = Math.max(
    0,
    starts.findLastIndex((start, i) => i < starts.length - 1 && start <= index),
  );
  return { page, row: index - starts[page]! };
}

/** The page on which an item is shown. */
export function pageIndexOf<T>(items: readonly T[], item: T): number {
  return positionOf(items.length, Math.max(0, items.indexOf(item))).page;
}
