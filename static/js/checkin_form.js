// The check-in form: after a submission with questions left out, move focus to where
// keyboard and screen-reader users should start: the help shown for a question 9
// answer above "Not at all" when there is one, else the summary of what is missing.
(function () {
  "use strict";
  var start =
    document.getElementById("checkin-support") || document.getElementById("checkin-errors");
  if (start) start.focus();
})();
