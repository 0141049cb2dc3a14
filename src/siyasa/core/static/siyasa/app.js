// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      await navigator.clipboard.writeText(source.textContent.trim());
      button.dataset.done = "1";
    });
  }
});

// Declaring an incident: suggest a level as the five questions are answered. The server says
// the same when the form is sent (crisis/assessment.py); this only saves a round trip.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-assess]");
  if (!form) return;
  const level = form.querySelector("select[name='level']");
  const shown = form.querySelector("[data-suggested]");
  const reasons = form.querySelector("[data-reasons]");
  if (!level || !shown || !reasons) return;
  for (const button of form.querySelectorAll("[data-nojs]")) button.hidden = true;
  let levelChosen = false;
  let kindChosen = false;
  level.addEventListener("change", () => { levelChosen = true; });
  for (const kind of form.querySelectorAll("input[name='kind']")) {
    kind.addEventListener("change", () => { kindChosen = true; });
  }
  const update = () => {
    const checked = [...form.querySelectorAll("input[data-rank]:checked")];
    const rank = Math.max(1, ...checked.map((input) => Number(input.dataset.rank)));
    const options = [...level.options].filter((o) => o.dataset.rank)
      .sort((a, b) => Number(a.dataset.rank) - Number(b.dataset.rank));
    const atOrBelow = options.filter((o) => Number(o.dataset.rank) <= rank);
    const suggested = atOrBelow.length ? atOrBelow[atOrBelow.length - 1] : options[0];
    if (!suggested) return;
    shown.textContent = suggested.textContent;
    const lines = checked.filter((input) => rank > 1 && Number(input.dataset.rank) === rank)
      .map((input) => {
        const question = input.closest("fieldset")?.querySelector("legend")?.firstChild?.textContent.trim();
        return `${question} — ${input.closest("label")?.textContent.trim()}`;
      });
    if (!lines.length) lines.push(reasons.dataset.empty);
    reasons.replaceChildren(...lines.map((text) => {
      const li = document.createElement("li");
      li.textContent = text;
      return li;
    }));
    if (!levelChosen) level.value = suggested.value;
    const account = form.querySelector("input[name='q_account']:checked");
    if (!kindChosen && account) {
      const kind = Number(account.dataset.rank) > 1 ? "technical" : "communication";
      const radio = form.querySelector(`input[name='kind'][value='${kind}']`);
      if (radio) radio.checked = true;
    }
  };
  form.addEventListener("change", (event) => {
    if (event.target.dataset.rank) update();
  });
});

// Long person and account pickers: a box above the list narrows its options as one types
// (Arabic letter forms folded, so "احمد" finds "أحمد"). Without JavaScript the list is as it was.
const LONG_LIST = 12;
const fold = (text) => text.toLowerCase()
  .replace(/[\u064B-\u0652\u0640]/g, "")
  .replace(/[أإآ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
document.addEventListener("DOMContentLoaded", () => {
  const label = document.body.dataset.filterLabel || "";
  for (const select of document.querySelectorAll("form select")) {
    if (select.options.length <= LONG_LIST) continue;
    const box = document.createElement("input");
    box.type = "search";
    box.className = "picker-filter";
    box.placeholder = label;
    box.setAttribute("aria-label", label);
    box.setAttribute("aria-controls", select.id);
    select.before(box);
    const options = [...select.options].map((option) => [option, fold(option.textContent)]);
    box.addEventListener("input", () => {
      const wanted = fold(box.value.trim());
      for (const [option, text] of options) {
        option.hidden = wanted !== "" && !option.selected && !text.includes(wanted);
      }
    });
  }
});

// The organisation menu's disclosures behave like menus: one open at a time, closed by Escape
// (focus back on its button) or by a click elsewhere. Without this file they open and close.
document.addEventListener("DOMContentLoaded", () => {
  const menus = [...document.querySelectorAll("details[data-menu]")];
  for (const menu of menus) {
    menu.addEventListener("toggle", () => {
      if (!menu.open) return;
      for (const other of menus) if (other !== menu && !other.contains(menu)) other.open = false;
    });
    menu.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  }
  document.addEventListener("click", (event) => {
    for (const menu of menus) if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
});

// Tables on a phone: each cell is labelled with its column's header, so the stylesheet can show
// a row as a card (label beside value) instead of a table wider than the screen. Without this
// file a wide table scrolls inside its frame, whose shadowed edges say there is more.
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table.table")) {
    const headers = [...table.querySelectorAll("thead tr:last-child > th")];
    if (!headers.length) continue;
    const labels = headers.flatMap((th) => Array(th.colSpan || 1).fill(th.textContent.trim()));
    for (const row of table.querySelectorAll("tbody tr")) {
      let column = 0;
      for (const cell of row.cells) {
        if (!cell.hasAttribute("data-label") && cell.colSpan === 1) {
          cell.dataset.label = labels[column] || "";
        }
        column += cell.colSpan || 1;
      }
    }
    table.classList.add("stacks");
  }
});
