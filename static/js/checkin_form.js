// The check-in form: after a submission with questions left out, move focus to the
// summary of what is missing, so keyboard and screen-reader users start there.
(function () {
  "use strict";
  var summary = document.getElementById("checkin-errors");
  if (summary) summary.focus();
})();
