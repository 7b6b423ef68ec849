// The import page follows a background import: it fetches the status part every second and,
// once the import has finished, loads the page again to show the report.
// (A file of its own: the Content-Security-Policy forbids inline script.)
document.addEventListener("DOMContentLoaded", () => {
  const region = document.getElementById("import-status");
  if (!region || region.querySelector("[data-finished]")) {
    return;
  }
  const poll = async () => {
    try {
      const response = await fetch(region.dataset.statusUrl, { credentials: "same-origin" });
      if (response.ok) {
        const html = await response.text();
        if (html.includes("data-finished")) {
          window.location.reload();
          return;
        }
        region.innerHTML = html;
      }
    } catch (error) {
      // A dropped request is tried again with the next poll.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
});
