// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("keydown", (event) => {
  // "/" focuses the search box, as in most staff tools.
  if (event.key !== "/" || ["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName)) return;
  const box = document.querySelector("#search-q, .search-inline input");
  if (box) { event.preventDefault(); box.focus(); box.select(); }
});

// Segment builder: size and value follow the rule as it is typed. The form posts the rule
// (with the session's CSRF token, as every form does) to /segments/preview 300 ms after the
// last key, and shows only the newest answer; without JavaScript the Preview button does the
// same by reloading the page.
const builder = document.querySelector("#segment-builder");
if (builder) {
  const rule = builder.elements.rule;
  const panel = document.querySelector("#segment-preview");
  let timer = 0;
  let latest = 0;
  const element = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  // Line and column (1-based, in characters) to an index into the textarea's value.
  const indexOf = (line, column) => {
    const lines = rule.value.split("\n");
    let index = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) index += lines[i].length + 1;
    return index + Math.max(0, column - 1);
  };
  const show = (view) => {
    panel.replaceChildren(element("h2", "Size and value"));
    rule.classList.toggle("invalid", view.hasErrors);
    if (view.size !== undefined && view.size !== null) {
      const p = element("p");
      p.append(element("span", view.size, "stat-value"), " ", element("span", "people match now", "stat-label"));
      p.firstChild.id = "preview-size";
      panel.append(p);
    }
    if (view.value && view.value.length) {
      const table = element("table", undefined, "list");
      const head = table.createTHead().insertRow();
      for (const title of ["Currency", "Buyers", "Revenue", "Margin", "Avg. CLV"]) head.append(element("th", title, title === "Currency" ? "" : "num"));
      const body = table.createTBody();
      for (const v of view.value) {
        const row = body.insertRow();
        [v.currency, v.customers, v.revenue, v.margin, v.averageCLV].forEach((text, i) => row.append(element("td", text, i ? "num" : "")));
      }
      panel.append(table);
    }
    if (view.explanation && view.explanation.length) {
      panel.append(element("h3", "In words"));
      const list = element("ul", undefined, "plain explanation");
      for (const line of view.explanation) list.append(element("li", line, "pre"));
      panel.append(list);
    }
    const errors = element("ul", undefined, "plain rule-errors");
    for (const error of view.errors || []) {
      const item = element("li", undefined, "rule-error");
      if (error.place) item.append(element("strong", error.place + ": "));
      item.append(error.message);
      if (error.line) item.addEventListener("click", () => {
        const at = indexOf(error.line, error.column || 1);
        rule.focus();
        rule.setSelectionRange(at, at + 1);
      });
      errors.append(item);
    }
    panel.append(errors);
  };
  const run = async () => {
    const mine = ++latest;
    const body = new URLSearchParams();
    for (const name of ["csrf", "key", "purpose", "rule"]) body.set(name, builder.elements[name]?.value ?? "");
    panel.classList.add("busy");
    try {
      const response = await fetch("/segments/preview", {
        method: "POST", body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
      });
      const view = await response.json();
      if (mine === latest) show(view);
    } catch (error) {
      if (mine === latest) show({ hasErrors: true, errors: [{ place: "", message: "The preview could not be loaded: " + error.message }] });
    } finally {
      if (mine === latest) panel.classList.remove("busy");
    }
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, 300); };
  rule.addEventListener("input", schedule);
  builder.elements.purpose.addEventListener("change", schedule);
  if (rule.value.trim()) schedule();
}

// Data mart form: the count follows the rule as it is typed, through /marts/count, with the
// rule's problems (line and column) when it does not check; the Count button does the same
// without JavaScript.
const martForm = document.querySelector("#mart-form");
if (martForm) {
  const rules = martForm.elements.rules;
  const out = document.querySelector("#mart-count");
  const errors = martForm.querySelector(".rule-errors");
  let timer = 0;
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    const body = new URLSearchParams({ csrf: martForm.elements.csrf.value, rules: rules.value });
    try {
      const response = await fetch("/marts/count", {
        method: "POST", body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
      });
      const view = await response.json();
      if (mine !== latest) return;
      out.textContent = view.size === null || view.size === undefined ? "" : view.size + " people now";
      errors.replaceChildren(...(view.errors || []).map((error) => {
        const item = document.createElement("li");
        item.className = "rule-error";
        item.textContent = (error.place ? error.place + ": " : "") + error.message;
        return item;
      }));
    } catch (error) {
      if (mine === latest) out.textContent = "The count could not be loaded: " + error.message;
    }
  };
  rules.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
}
