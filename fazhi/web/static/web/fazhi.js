// Behaviour that pages declare with data- attributes, so that no inline script is needed (strict CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
});
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.requestSubmit();
});
// A form whose fields depend on a choice (data-kind-switch on the choice's select or on each of its radio
// buttons; ledger.forms.show_by_choice): only the fields of the choice made (data-kinds="npc cppcc" on each
// field's own input) are shown. With no radio button chosen yet, every field stays visible.
function showKindFields(form) {
  const radios = form.querySelectorAll("input[type=radio][data-kind-switch]");
  const chosen = radios.length ? form.querySelector("input[type=radio][data-kind-switch]:checked") : form.querySelector("select[data-kind-switch]");
  for (const input of form.querySelectorAll("[data-kinds]")) {
    const row = input.closest("p") || input;
    row.hidden = Boolean(chosen) && !input.dataset.kinds.split(" ").includes(chosen.value);
  }
}
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-kind-switch]")) showKindFields(event.target.form);
});
document.addEventListener("DOMContentLoaded", () => {
  for (const form of new Set([...document.querySelectorAll("[data-kind-switch]")].map((s) => s.form))) showKindFields(form);
});
// The print view's 打印 button (data-print).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
// A button marked data-once sends its form once: a second press while the first is on its way (a big
// upload) would queue the same import twice. The button is disabled after the submission has started.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  const button = event.submitter;
  if (button && button.matches("[data-once]")) {
    form.dataset.sent = "1";
    setTimeout(() => {
      button.disabled = true;
      button.textContent = button.dataset.once || button.textContent;
    });
  }
});
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return; // back to a page kept in memory: its forms may be sent again
  for (const form of document.querySelectorAll("form[data-sent]")) {
    delete form.dataset.sent;
    for (const button of form.querySelectorAll("[data-once]")) button.disabled = false;
  }
});
// Phone layout: 菜单 opens and closes the navigation; every table row becomes a card whose cells carry
// their column's heading (data-label, shown by fazhi.css below 640 px).
document.addEventListener("click", (event) => {
  const toggle = event.target.closest(".nav-toggle");
  if (!toggle) return;
  const open = toggle.closest(".topbar").classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});
function labelCells(root) {
  for (const table of root.querySelectorAll("table.grid")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (!headings.length) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        if (headings[i] && !cell.dataset.label) cell.dataset.label = headings[i];
      });
    }
  }
}
document.addEventListener("DOMContentLoaded", () => labelCells(document));
document.addEventListener("htmx:afterSwap", (event) => labelCells(event.target.closest("main") || document));
// A list's 全选本页 box ticks or clears every record on the page (data-tick-all).
document.addEventListener("change", (event) => {
  const all = event.target.closest("[data-tick-all]");
  if (!all) return;
  for (const box of all.closest("table").querySelectorAll("tbody td.pick input[type=checkbox]")) box.checked = all.checked;
});
// 添加当事人: one more party row from the formset's empty form (<template data-row-template="prefix">),
// numbered after the rows there are, and the formset's TOTAL_FORMS counting it.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const prefix = button.dataset.addRow;
  const form = button.closest("form");
  const total = form.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const template = form.querySelector(`template[data-row-template="${prefix}"]`);
  const max = form.querySelector(`input[name="${prefix}-MAX_NUM_FORMS"]`);
  const count = Number(total.value);
  if (max && count >= Number(max.value)) return;
  const row = template.content.firstElementChild.cloneNode(true);
  for (const field of row.querySelectorAll("[name], [id], label[for]")) {
    for (const attribute of ["name", "id", "for"]) {
      const value = field.getAttribute(attribute);
      if (value) field.setAttribute(attribute, value.replaceAll("__prefix__", String(count)));
    }
  }
  template.previousElementSibling.querySelector("tbody").append(row);
  total.value = String(count + 1);
  labelCells(form);
  row.querySelector("input, select")?.focus();
});
