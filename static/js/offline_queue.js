// Logging without a connection, on every page: registers the service worker, keeps an
// entry saved offline in this phone's queue (offline_store.js), sends the queue when
// the connection returns, says calmly what is waiting, and empties it all at logout.
(function () {
  "use strict";
  var body = document.body;
  if (!window.PCTOffline || !window.indexedDB || !body.dataset.syncUrl) return;
  var store = window.PCTOffline;
  var OWNER_KEY = "pct-owner";
  store.configure({ syncUrl: body.dataset.syncUrl });

  // The logged-in account's mark; the offline form (drawn for nobody) uses the last one
  // seen on this phone, so what is written there waits for that account only.
  var owner = body.dataset.owner || "";
  try {
    if (owner) window.localStorage.setItem(OWNER_KEY, owner);
    else owner = window.localStorage.getItem(OWNER_KEY) || "";
  } catch (error) { /* Storage switched off: the page's own mark is all there is. */ }
  var loggedIn = Boolean(body.dataset.owner);
  var lastSent = 0;
  var returned = 0;

  if ("serviceWorker" in navigator && body.dataset.swUrl) {
    navigator.serviceWorker.register(body.dataset.swUrl).catch(function () { /* Online only, then. */ });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (!event.data || event.data.type !== "pct-queue-changed") return;
      lastSent += event.data.sent || 0;
      returned += event.data.returned || 0;
      render();
    });
  }

  function paragraph(text, link) {
    var p = document.createElement("p");
    p.className = "mb-0";
    p.textContent = text;
    if (link) {
      p.appendChild(document.createTextNode(" "));
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      p.appendChild(a);
    }
    return p;
  }

  function waitingText(count) {
    var one = count === 1;
    var values = { count: count };
    if (!navigator.onLine) {
      return one
        ? PCTText("waitingOfflineOne", "1 entry is waiting on this phone. It will be sent when you are back online (1 waiting).")
        : PCTText("waitingOfflineMany", "{count} entries are waiting on this phone. It will be sent when you are back online ({count} waiting).", values);
    }
    if (!loggedIn) {
      return one
        ? PCTText("waitingLoggedOutOne", "1 entry is waiting on this phone. Log in to send it to your journal.")
        : PCTText("waitingLoggedOutMany", "{count} entries are waiting on this phone. Log in to send them to your journal.", values);
    }
    return one
      ? PCTText("waitingOnlineOne", "1 entry is waiting on this phone and will be sent in a moment (1 waiting).")
      : PCTText("waitingOnlineMany", "{count} entries are waiting on this phone and will be sent in a moment ({count} waiting).", values);
  }

  // Rewrites the status area (a polite live region in base.html, without role=status:
  // the page's own messages already have that role). `justSaved` is set right after
  // Save without a connection.
  function render(justSaved) {
    var status = document.getElementById("offline-status");
    if (!status) return Promise.resolve();
    var count = owner ? store.queueCount(owner) : Promise.resolve(0);
    return count.then(function (waiting) {
      var lines = [];
      if (justSaved) {
        lines.push(paragraph(PCTText("savedOffline", "Saved on this phone. It will be sent when you are back online ({count} waiting).", { count: waiting })));
      } else if (waiting) {
        lines.push(paragraph(waitingText(waiting)));
      }
      if (!navigator.onLine && !justSaved) {
        lines.push(paragraph(PCTText("offline", "You are offline. You can still log an experience; it stays on this phone until it can be sent.")));
      }
      if (lastSent) {
        lines.push(paragraph(
          lastSent === 1
            ? PCTText("sentOne", "The entry saved on this phone is now in your journal.")
            : PCTText("sentMany", "{count} entries saved on this phone are now in your journal.", { count: lastSent }),
          loggedIn && body.dataset.listUrl ? { href: body.dataset.listUrl, text: PCTText("seeEntries", "See your entries") } : null
        ));
      }
      if (returned && body.dataset.logUrl) {
        lines.push(paragraph(
          PCTText("returned", "An entry saved on this phone needs another look before it can be sent."),
          { href: body.dataset.logUrl, text: PCTText("openIt", "Open it") }
        ));
      }
      status.replaceChildren();
      if (!lines.length) return;
      var box = document.createElement("div");
      box.className = "alert alert-light alert-calm mb-3";
      lines.forEach(function (line) { box.appendChild(line); });
      status.appendChild(box);
    });
  }

  function send() {
    if (!navigator.onLine) return render();
    return store.sendQueued().then(function (result) {
      if (result.sent) lastSent += result.sent;
      if (result.returned) returned += result.returned;
      return render();
    });
  }

  function askForBackgroundSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register(store.SYNC_TAG);
    }).catch(function () { /* The online event and the next page load send it instead. */ });
  }

  // Parts of the form that are not answers, and never kept on the phone.
  var NOT_ANSWERS = { csrfmiddlewaretoken: true, client_uuid: true, device_time_zone: true };

  function formFields(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (NOT_ANSWERS[name] || typeof value !== "string") return;
      (fields[name] = fields[name] || []).push(value);
    });
    return fields;
  }

  function clientUuid(form) {
    var input = form.querySelector("input[name=client_uuid]");
    return input && input.value ? input.value : window.crypto.randomUUID();
  }

  // Save on a new-entry form: kept on the phone when there is no connection (always on
  // the offline form, which exists only for that).
  function interceptSave(form) {
    form.addEventListener("submit", function (event) {
      var offlineForm = form.hasAttribute("data-offline-form");
      if (navigator.onLine && !offlineForm) return;
      event.preventDefault();
      if (!owner) {
        var status = document.getElementById("offline-status");
        status.replaceChildren(paragraph(PCTText("noOwner", "This phone does not know your journal yet. Please log in once while online; until then nothing can be kept here.")));
        return;
      }
      var fields = formFields(form);
      var item = {
        id: clientUuid(form),
        owner: owner,
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        fields: fields,
        saved_at: new Date().toISOString(),
      };
      store.queueAdd(item).then(function () {
        return store.draftDelete(owner);
      }).then(function () {
        form.reset();
        form.dispatchEvent(new CustomEvent("pct-entry-queued"));
        window.scrollTo(0, 0);
        askForBackgroundSync();
        return render(true);
      }).then(function () {
        if (navigator.onLine) send();
      });
    });
  }

  // Logging out empties this phone's queue and drafts (an idle logout does not: the
  // entries wait for the same account to log in again).
  function emptyOnLogout(form) {
    var done = false;
    form.addEventListener("submit", function (event) {
      if (done) return;
      event.preventDefault();
      // The draft script stops keeping the form, so nothing is written after the clear.
      document.dispatchEvent(new CustomEvent("pct-logging-out"));
      var finish = function () {
        done = true;
        try { window.localStorage.removeItem(OWNER_KEY); } catch (error) { /* nothing kept */ }
        form.submit();
      };
      // What is still waiting is sent first when it can be; then everything goes.
      // A weak signal must not hold the logout up: five seconds at most.
      var sent = navigator.onLine && loggedIn
        ? Promise.race([store.sendQueued(), new Promise(function (resolve) { window.setTimeout(resolve, 5000); })])
        : Promise.resolve();
      sent.then(store.clearAll, store.clearAll).then(finish, finish);
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    var action = new URL(form.action, window.location.href).pathname;
    if (body.dataset.logoutUrl && action === body.dataset.logoutUrl) emptyOnLogout(form);
    if (form.hasAttribute("data-new-entry") || form.querySelector("[data-new-entry]")) interceptSave(form);
  });

  window.addEventListener("online", send);
  window.addEventListener("offline", function () { render(); });
  window.addEventListener("pageshow", function () { render(); });
  if (loggedIn) {
    send();
    // A draft whose entry went through (Save while online) is not kept any longer.
    if (navigator.onLine) store.forgetSavedDraft(owner).catch(function () { /* kept */ });
  } else {
    render();
  }
})();
