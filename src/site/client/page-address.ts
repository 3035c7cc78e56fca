/**
 * A build without a configured site address (SITE_URL) writes paths, never a
 * guessed host, where a citation needs the page's address. Elements marked
 * `data-page-address` hold such a path; where the page is served over http(s)
 * this module writes the full address the reader sees in the address bar.
 * Without JavaScript the path stays, which is still right.
 */
export function fillPageAddresses(root: ParentNode = document): void {
  if (location.protocol !== "http:" && location.protocol !== "https:") return;
  for (const element of root.querySelectorAll<HTMLElement>("[data-page-address]")) {
    const path = element.dataset.pageAddress ?? "";
    if (!path.startsWith("/")) continue;
    element.textContent = new URL(path, location.origin).href;
  }
}
