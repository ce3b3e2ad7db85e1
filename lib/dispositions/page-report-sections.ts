/** Items per page of the response report's HTML page (the downloads hold every item). */
export const REPORT_PAGE_SIZE = 200;

/**
 * One page of a report grouped by section: the items from `(page-1)*size` on,
 * still grouped, each section marked `continued` when it began on an earlier
 * page. A section without items stays on the page where it falls in order.
 */
export function pageReportSections<S extends { items: unknown[] }>(sections: S[], page: number, size = REPORT_PAGE_SIZE) {
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const pages = Math.max(1, Math.ceil(total / size));
  const from = (page - 1) * size;
  const to = from + size;
  const out: (S & { continued: boolean })[] = [];
  let position = 0;
  for (const section of sections) {
    const start = position;
    const end = position + section.items.length;
    position = end;
    const onThisPage = section.items.length === 0 ? start >= from && (start < to || (page === pages && start === total)) : end > from && start < to;
    if (!onThisPage) continue;
    out.push({ ...section, items: section.items.slice(Math.max(0, from - start), Math.max(0, to - start)), continued: start < from });
  }
  return { sections: out, pages, total };
}
