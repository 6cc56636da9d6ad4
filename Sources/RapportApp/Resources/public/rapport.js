// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("keydown", (event) => {
  // "/" focuses the search box, as in most staff tools.
  if (event.key !== "/" || ["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName)) return;
  const box = document.querySelector("#search-q, .search-inline input");
  if (box) { event.preventDefault(); box.focus(); box.select(); }
});
