/**
 * Click a column head to sort the table by it (again to reverse). Cells carry
 * their sort key in data-sort; empty keys (未报告) always sort last.
 */
export function enableSortableTable(table: HTMLTableElement): void {
  const heads = [...table.tHead!.rows[0]!.cells];
  heads.forEach((th, column) => {
    const button = th.querySelector("button");
    if (!th.classList.contains("sortable") || !button) return;
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
        const order = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb, "zh-CN");
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
