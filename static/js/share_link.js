// The new share link: a Copy button (shown only when scripts run), the phone's share
// sheet where the browser has one, and select-on-focus.
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
  // The phone's share sheet, only where the browser has one (progressive enhancement:
  // without it the link is copied or typed as before).
  var shareButton = document.querySelector("[data-native-share]");
  if (shareButton && navigator.share) {
    shareButton.hidden = false;
    shareButton.addEventListener("click", function () {
      // A neutral title: it shows in the share sheet and in the message it starts.
      navigator.share({ title: "Journal summary", url: input.value }).catch(function () {
        // Closing the share sheet is a choice, not an error worth a message.
      });
    });
  }
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
