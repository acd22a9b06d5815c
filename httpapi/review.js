// Keyboard shortcuts of the review page: j/k (or the arrow keys) pick the next or previous
// document, c confirms its type as shown, e edits the type, o opens the document, Esc stops
// editing. The page works without it: every action is a plain form or link.
"use strict";
(() => {
  const rows = [...document.querySelectorAll("#queue tr.item")];
  if (rows.length === 0) return;
  let at = 0;
  const pick = (i) => {
    rows[at].classList.remove("current");
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows[at].classList.add("current");
    rows[at].scrollIntoView({ block: "nearest" });
  };
  pick(0);
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const editing = e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement;
    if (editing) {
      if (e.key === "Escape") e.target.blur();
      return; // keys belong to the field being edited; Enter there submits its form
    }
    const row = rows[at];
    switch (e.key) {
      case "j": case "ArrowDown": pick(at + 1); break;
      case "k": case "ArrowUp": pick(at - 1); break;
      case "c": row.querySelector("form").requestSubmit(); break;
      case "e": row.querySelector("select").focus(); break;
      case "o": location.href = row.querySelector("a").href; break;
      default: return;
    }
    e.preventDefault();
  });
})();
