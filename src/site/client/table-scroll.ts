/**
 * A wide table scrolls inside its own `.table-scroll` container. The
 * stylesheet draws a shadow at the edge that has more columns behind it
 * (this works without JavaScript); this module adds a line of text above a
 * container that does overflow, saying so, and keeps it right when the
 * window is resized. Text only: nothing from the page's data is written.
 */
const HINT = "表格较宽，可左右滑动查看全部列";

function hintFor(container: HTMLElement): HTMLElement {
  const previous = container.previousElementSibling;
  if (previous instanceof HTMLElement && previous.classList.contains("table-scroll__hint")) return previous;
  const hint = document.createElement("p");
  hint.className = "table-scroll__hint";
  hint.textContent = HINT;
  container.before(hint);
  return hint;
}

function update(container: HTMLElement): void {
  const overflowing = container.scrollWidth > container.clientWidth + 1;
  container.toggleAttribute("data-overflowing", overflowing);
  const hint = hintFor(container);
  hint.hidden = !overflowing;
}

export function enableTableScrollHints(root: ParentNode = document): void {
  const containers = [...root.querySelectorAll<HTMLElement>(".table-scroll")];
  // The table is observed too: one a script fills later (the comparison view) widens without its box changing size.
  const observer =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver((entries) => entries.forEach((e) => update((e.target as HTMLElement).closest<HTMLElement>(".table-scroll")!)));
  for (const container of containers) {
    update(container);
    observer?.observe(container);
    if (container.firstElementChild) observer?.observe(container.firstElementChild);
  }
}
