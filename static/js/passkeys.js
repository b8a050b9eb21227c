// Passkey pages: allauth’s webauthn.js asks the phone for a passkey and reports a failure
// as an "allauth.error" event (otherwise only on the console). Say it on the page, calmly.
(function () {
  "use strict";

  // Looked up when shown: the page's words (templates/_partials/ui_text.html) come after
  // this script in the page.
  const MESSAGES = {
    // Closed, timed out, or no passkey for this site on this device.
    NotAllowedError: () => PCTText("passkeyNotAllowed", "No passkey was used. You can try again, or use your password."),
    // Adding one that this device already holds.
    InvalidStateError: () => PCTText("passkeyInvalidState", "This device already has a passkey for your account."),
    SecurityError: () => PCTText("passkeySecurity", "Passkeys only work on the address this journal is set up for."),
  };
  const FALLBACK = () => PCTText("passkeyFallback", "Your device could not use a passkey just now. You can try again, or use your password.");
  const UNSUPPORTED = () => PCTText("passkeyUnsupported", "This browser cannot use passkeys. Your password still works.");

  function statusElement() {
    return document.querySelector("[data-passkey-status]");
  }

  function say(text) {
    const status = statusElement();
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener("allauth.error", function (event) {
    const exception = event.detail && event.detail.exception;
    event.preventDefault();
    say(((exception && MESSAGES[exception.name]) || FALLBACK)());
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-passkey-button]")) {
      say("");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (window.PublicKeyCredential) {
      return;
    }
    document.querySelectorAll("[data-passkey-button]").forEach(function (button) {
      button.disabled = true;
    });
    say(UNSUPPORTED());
  });
})();
