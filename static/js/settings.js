// Offer the device's time zone when it differs from the one saved.
(function () {
  "use strict";
  var select = document.getElementById("id_time_zone");
  var hint = document.getElementById("device-time-zone");
  if (!select || !hint || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var known = Array.prototype.some.call(select.options, function (option) {
    return option.value === zone;
  });
  if (!zone || !known || select.value === zone) return;
  hint.querySelector("[data-device-zone]").textContent = zone.replace(/_/g, " ");
  hint.classList.remove("d-none");
  hint.querySelector("[data-use-device-zone]").addEventListener("click", function () {
    select.value = zone;
    hint.classList.add("d-none");
    select.focus();
  });
})();
