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

// "What was going on" says in its summary line whether anything in it is answered
// ("not recorded" or "2 answered"), kept up to date as answers are chosen or cleared.
(function () {
  "use strict";
  var status = document.querySelector("#entry-form [data-recorded-status]");
  if (!status) return;
  var section = status.closest("details");

  function update() {
    var answered = {};
    section.querySelectorAll("input").forEach(function (input) {
      var chosen = input.type === "radio" || input.type === "checkbox" ? input.checked : true;
      if (chosen && input.value.trim() !== "") answered[input.name] = true;
    });
    var count = Object.keys(answered).length;
    status.textContent = count ? PCTText("answered", "{count} answered", { count: count }) : PCTText("notRecorded", "not recorded");
  }
  section.addEventListener("change", update);
  section.addEventListener("input", update);
  window.addEventListener("pageshow", update);
})();
