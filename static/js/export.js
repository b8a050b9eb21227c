// The export page: once an option changes, say that the preview still shows the old ones.
(function () {
  "use strict";
  var form = document.getElementById("summary-options");
  var notice = document.getElementById("options-changed");
  if (!form || !notice) {
    return;
  }
  form.addEventListener("change", function () {
    notice.classList.remove("d-none");
  });
})();
