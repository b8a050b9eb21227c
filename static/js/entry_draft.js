// The log form being written is kept on this phone as a draft (offline_store.js), so
// nothing is lost when the login times out, the signal drops or Back is pressed.
// Coming back to the form brings every answer back, with a calm line saying so. The
// draft goes once the journal has the entry (asked by the UUID the phone gave it) or
// at logout.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form || !window.PCTOffline || !window.indexedDB) return;
  if (!(form.hasAttribute("data-new-entry") || form.querySelector("[data-new-entry]"))) return;
  var store = window.PCTOffline;
  var owner = document.body.dataset.owner;
  if (!owner) {
    try { owner = window.localStorage.getItem("pct-owner"); } catch (error) { owner = ""; }
  }
  if (!owner) return;
  // Parts of the form that are not answers: never kept, never restored.
  var SKIP = { csrfmiddlewaretoken: true, client_uuid: true, device_time_zone: true };

  // The phone's UUID for this entry; a replay of the same Save stores it only once.
  var uuidInput = document.createElement("input");
  uuidInput.type = "hidden";
  uuidInput.name = "client_uuid";
  uuidInput.value = window.crypto.randomUUID();
  form.appendChild(uuidInput);

  function answers() {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (SKIP[name] || typeof value !== "string") return;
      (fields[name] = fields[name] || []).push(value);
    });
    return fields;
  }

  function sameAnswers(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // Puts the draft's answers back; returns the controls it changed.
  function restore(fields) {
    var changed = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || SKIP[name] || element.disabled) return;
      var values = fields[name] || [];
      if (element.type === "radio" || element.type === "checkbox") {
        var checked = values.indexOf(element.value) !== -1;
        if (element.checked !== checked) { element.checked = checked; changed.push(element); }
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
        changed.push(element);
      } else if (name in fields && element.value !== values[0]) {
        element.value = values[0];
        changed.push(element);
      }
    });
    changed.forEach(function (element) {
      element.dispatchEvent(new Event("change", { bubbles: true }));
      var section = element.closest("details");
      if (section && (element.type === "textarea" || element.tagName === "TEXTAREA" || element.type === "text" || element.type === "number")) section.open = true;
    });
    return changed;
  }

  function keptNotice(needsLook) {
    var notice = document.createElement("div");
    notice.className = "alert alert-light alert-calm d-flex flex-wrap align-items-center justify-content-between gap-2 draft-notice";
    notice.setAttribute("role", "status");
    var text = document.createElement("p");
    text.className = "mb-0";
    text.textContent = needsLook
      ? PCTText("draftNeedsLook", "We kept what you wrote on this phone. Some answers need another look: press Save to see which.")
      : PCTText("draftKept", "We kept what you wrote. Check it and press Save when you are ready.");
    var restart = document.createElement("button");
    restart.type = "button";
    restart.className = "btn btn-outline-secondary";
    restart.textContent = PCTText("startOver", "Start over");
    restart.addEventListener("click", function () {
      store.draftDelete(owner).then(function () { window.location.reload(); });
    });
    notice.appendChild(text);
    notice.appendChild(restart);
    form.parentNode.insertBefore(notice, form);
  }

  var timer = null;
  var stopped = false;
  document.addEventListener("pct-logging-out", function () {
    stopped = true;
    window.clearTimeout(timer);
  });
  function keep() {
    window.clearTimeout(timer);
    if (stopped) return;
    timer = window.setTimeout(function () {
      store.draftPut({ owner: owner, client_uuid: uuidInput.value, fields: answers(), needs_look: false });
    }, 250);
  }

  // A form sent back with errors already shows the person's answers as they sent them.
  var showsErrors = Boolean(form.querySelector(".is-invalid"));

  store.forgetSavedDraft(owner).then(function (draft) {
    if (draft && draft.client_uuid) uuidInput.value = draft.client_uuid;
    if (draft && !showsErrors && !sameAnswers(draft.fields, answers())) {
      if (restore(draft.fields).length) keptNotice(draft.needs_look);
    }
  }).catch(function () { /* No draft to bring back. */ }).then(function () {
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
    form.addEventListener("submit", function () {
      window.clearTimeout(timer);
    });
    form.addEventListener("pct-entry-queued", function () {
      window.clearTimeout(timer);
      uuidInput.value = window.crypto.randomUUID();
    });
  });
})();
