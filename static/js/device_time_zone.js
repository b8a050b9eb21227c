// The phone's time zone and clock. The login and sign-up forms send the zone (a new
// account takes it; accounts/device_zone.py), a new entry's "When" starts at the
// phone's own local time, and the log form says which zone that time is in, so the
// journal reads it as the phone meant it.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }

  document.querySelectorAll("input[name=device_time_zone]").forEach(function (input) {
    input.value = zone;
  });

  function pad(number) { return String(number).padStart(2, "0"); }
  function localNow() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
      "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  var form = document.getElementById("entry-form");
  if (!form || !(form.hasAttribute("data-new-entry") || form.querySelector("[data-new-entry]"))) return;
  if (!form.querySelector("input[name=device_time_zone]")) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "device_time_zone";
    input.value = zone;
    form.appendChild(input);
  }
  // Only a fresh form: one sent back with errors keeps the time the person chose.
  function fillNow() {
    var when = form.querySelector("input[name=occurred_at]");
    if (when && (form.hasAttribute("data-offline-form") || when.hasAttribute("data-device-now"))) {
      when.value = localNow();
    }
  }
  fillNow();
  form.addEventListener("pct-entry-queued", fillNow);
})();
