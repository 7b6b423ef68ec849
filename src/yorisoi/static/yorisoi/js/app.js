// yorisoi's page behaviour, kept in a file: the Content-Security-Policy forbids inline script.
// Everything here is an enhancement; every form works and is checked on the server without it.
"use strict";

// The error summary of a refused form (templates/includes/error_summary.html): focus moves to
// it when the page loads, and each of its links takes focus to the field it names.
function fieldFor(link) {
  const id = decodeURIComponent(link.hash.slice(1));
  const byId = document.getElementById(id) || document.getElementById(`${id}_0`);
  if (byId) {
    return byId;
  }
  const name = link.dataset.field;
  const form = link.closest("form") || document;
  return name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
}

function showField(field) {
  const wrapper = field.closest(".field, fieldset, tr") || field;
  const label = wrapper.querySelector("legend, label") || field;
  label.scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

function focusErrorSummary() {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  const details = summary.closest("details");
  if (details) {
    details.open = true;
  }
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    const field = fieldFor(link);
    if (field) {
      event.preventDefault();
      showField(field);
    }
  });
}

// A contact record's channel decides what the rest of the form offers (issue 15 §3.6): the
// outcomes that fit it (話せた for a call, 会えた for a visit, …) and, only for a home visit or
// an accompanied outing, why one staff member went alone. The server enforces the same.
function fitToChannel(channel) {
  const form = channel.form;
  const outcome = form && form.querySelector("select[data-outcomes-by-channel]");
  if (outcome) {
    const fitting = JSON.parse(outcome.dataset.outcomesByChannel)[channel.value];
    for (const option of outcome.options) {
      const hide = Boolean(option.value) && Boolean(fitting) && !fitting.includes(option.value);
      option.hidden = hide;
      option.disabled = hide;
    }
    if (outcome.selectedOptions.length && outcome.selectedOptions[0].disabled) {
      outcome.value = "";
    }
  }
  const teamChannels = (channel.dataset.teamChannels || "").split(" ");
  for (const input of form ? form.querySelectorAll("[data-team-only]") : []) {
    const wrapper = input.closest(".field") || input;
    wrapper.hidden = !teamChannels.includes(channel.value);
  }
}

function watchChannels() {
  for (const channel of document.querySelectorAll("select[data-team-channels]")) {
    fitToChannel(channel);
    channel.addEventListener("change", () => fitToChannel(channel));
  }
}

function start() {
  watchChannels();
  focusErrorSummary();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
