// Print buttons on A4 sheets (kept in a file: the Content-Security-Policy forbids inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
