// The new share link: a Copy button (shown only when scripts run) and select-on-focus.
(function () {
  "use strict";
  var input = document.querySelector("[data-share-url]");
  var button = document.querySelector("[data-copy-share-url]");
  var status = document.querySelector("[data-copy-status]");
  if (!input) {
    return;
  }
  input.addEventListener("focus", function () {
    input.select();
  });
  if (!button || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(input.value).then(
      function () {
        status.textContent = "Copied. Paste it into a message to your therapist.";
      },
      function () {
        input.select();
        status.textContent = "Copying did not work here; the link is selected, copy it by hand.";
      }
    );
  });
})();
