/**
 * Click a column head to sort the table by it (again to reverse). Heads that
 * can sort carry the class `sortable` and `data-type="text"` or `"number"`;
 * this module puts a button into each of them, so without JavaScript the
 * heads are plain text and nothing on the page pretends to work. Cells carry
 * their sort key in data-sort; empty keys (未报告) always sort last. Text keys
 * are ids, compared by code point (compareText), so the order is the same in
 * every browser.
 */
import { compareText } from "../../report/compare-text.ts";

function buttonIn(th: HTMLTableCellElement): HTMLButtonElement {
  const existing = th.querySelector("button");
  if (existing) return existing;
  const button = document.createElement("button");
  button.type = "button";
  button.append(...th.childNodes);
  th.append(button);
  return button;
}

export function enableSortableTable(table: HTMLTableElement): void {
  const heads = [...table.tHead!.rows[0]!.cells];
  heads.forEach((th, column) => {
    if (!th.classList.contains("sortable")) return;
    const button = buttonIn(th);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      for (const other of heads) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const body = table.tBodies[0]!;
      const rows = [...body.rows];
      const key = (row: HTMLTableRowElement) => row.cells[column]?.dataset.sort ?? row.cells[column]?.textContent ?? "";
      rows.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === "" || kb === "") return ka === kb ? 0 : ka === "" ? 1 : -1;
        const order = numeric ? Number(ka) - Number(kb) : compareText(ka, kb);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
  table.classList.add("is-sortable");
}
