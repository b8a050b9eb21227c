// The log form: a solo entry has no partner. Choosing "Solo" hides the partner fields
// and switches them off, so the partner the form remembered is not sent with it;
// choosing a partnered experience again brings them back as they were.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var partnerInputs = ["id_partner", "id_new_partner"]
    .map(function (id) { return document.getElementById(id); })
    .filter(Boolean);

  function update() {
    var chosen = form.querySelector("input[name=activity]:checked");
    var solo = Boolean(chosen && chosen.value === "solo");
    partnerInputs.forEach(function (input) {
      // A disabled control is left out when the form is sent, and keeps its value.
      input.disabled = solo;
      var wrapper = input.closest(".mb-3");
      if (wrapper) wrapper.hidden = solo;
    });
  }
  form.querySelectorAll("input[name=activity]").forEach(function (radio) {
    radio.addEventListener("change", update);
  });
  // A page restored from the back/forward cache keeps its choices but not our state.
  window.addEventListener("pageshow", update);
  update();
})();
