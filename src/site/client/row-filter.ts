/**
 * Filter table rows by free text (data-text) and by exact data-* attributes
 * named after the form's <select>s. Hidden rows keep their place, so sorting
 * and filtering combine.
 */
export function enableRowFilter(table: HTMLTableElement, form: HTMLFormElement, counter: Element | null): void {
  const rows = [...table.tBodies[0]!.rows];
  const apply = () => {
    const data = new FormData(form);
    const text = String(data.get("q") ?? "").trim().toLowerCase();
    const selects = [...form.querySelectorAll("select")].map((s) => [s.name, s.value] as const).filter(([, v]) => v !== "");
    let shown = 0;
    for (const row of rows) {
      const matches =
        (text === "" || (row.dataset.text ?? row.textContent ?? "").toLowerCase().includes(text)) &&
        selects.every(([name, value]) => row.dataset[name] === value);
      row.hidden = !matches;
      if (matches) shown += 1;
    }
    if (counter) counter.textContent = `显示 ${shown} / ${rows.length} 份`;
  };
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  apply();
}
