// A "Print" button works only with a script (printing is the browser's), so it stays hidden
// until this runs; the print stylesheet in naltrack.css decides what goes on paper.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
