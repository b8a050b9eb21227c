// The log form: a solo entry has no partner, so hide the partner fields for it.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var partnerFields = ["id_partner", "id_new_partner"]
    .map(function (id) { return document.getElementById(id); })
    .filter(Boolean)
    .map(function (input) { return input.closest(".mb-3"); });

  function update() {
    var chosen = form.querySelector("input[name=activity]:checked");
    var solo = chosen && chosen.value === "solo";
    partnerFields.forEach(function (wrapper) {
      if (wrapper) wrapper.hidden = solo;
    });
  }
  form.querySelectorAll("input[name=activity]").forEach(function (radio) {
    radio.addEventListener("change", update);
  });
  update();
})();
