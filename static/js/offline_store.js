// What this phone keeps for the journal, in IndexedDB, and how it is sent.
//
// Two stores: "queue" holds entries saved without a connection, "drafts" the log form
// being written (one per account). Each item carries the account's opaque owner mark
// (accounts/offline_owner.py) and is only ever sent while that account is logged in.
// Entries are deleted as soon as the journal has them; everything is deleted at logout.
// Used by the pages (offline_queue.js, entry_draft.js) and by the service worker.
(function (global) {
  "use strict";
  var DB_NAME = "pct-journal";
  var DB_VERSION = 1;
  var QUEUE = "queue";
  var DRAFTS = "drafts";
  var config = { syncUrl: null };
  var sending = null;

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = global.indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: "id" });
        if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: "owner" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // Runs work(store) in one transaction; resolves with the last request's result.
  function withStore(name, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(name, mode);
        var request = work(transaction.objectStore(name));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
        transaction.onabort = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  function queueAdd(item) {
    return withStore(QUEUE, "readwrite", function (store) { return store.put(item); });
  }
  function queueAll() {
    return withStore(QUEUE, "readonly", function (store) { return store.getAll(); });
  }
  function queueDelete(id) {
    return withStore(QUEUE, "readwrite", function (store) { return store.delete(id); });
  }
  function queueCount(owner) {
    return queueAll().then(function (items) {
      return items.filter(function (item) { return item.owner === owner; }).length;
    });
  }
  function draftGet(owner) {
    return withStore(DRAFTS, "readonly", function (store) { return store.get(owner); });
  }
  function draftPut(draft) {
    return withStore(DRAFTS, "readwrite", function (store) { return store.put(draft); });
  }
  function draftDelete(owner) {
    return withStore(DRAFTS, "readwrite", function (store) { return store.delete(owner); });
  }
  function clearAll() {
    return withStore(QUEUE, "readwrite", function (store) { return store.clear(); }).then(function () {
      return withStore(DRAFTS, "readwrite", function (store) { return store.clear(); });
    });
  }

  // Who is logged in, and a CSRF token to send with. Null when nobody is.
  function session(check) {
    var url = config.syncUrl + (check ? "?check=" + encodeURIComponent(check) : "");
    return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 401) return null;
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      });
  }

  function sendOne(item, csrfToken) {
    return fetch(config.syncUrl, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken, Accept: "application/json" },
      body: JSON.stringify({ id: item.id, owner: item.owner, time_zone: item.time_zone, fields: item.fields }),
    });
  }

  // An entry the journal refused (an answer out of range, say) goes back to being the
  // account's draft, so the log form shows it again with the reasons after Save.
  function returnToDraft(item) {
    return draftPut({ owner: item.owner, client_uuid: item.id, fields: item.fields, needs_look: true })
      .then(function () { return queueDelete(item.id); });
  }

  // Sends every queued entry of the logged-in account, one at a time. Resolves with
  // {state: "sent" | "login" | "offline", sent, returned (to the draft), owner}.
  function sendQueuedNow() {
    var result = { state: "sent", sent: 0, returned: 0, owner: null };
    return queueAll().then(function (items) {
      if (!items.length) return result;
      return session().then(function (current) {
        if (!current) { result.state = "login"; return result; }
        result.owner = current.owner;
        var mine = items.filter(function (item) { return item.owner === current.owner; });
        return mine.reduce(function (chain, item) {
          return chain.then(function () {
            return sendOne(item, current.csrf_token).then(function (response) {
              if (response.ok) { result.sent += 1; return queueDelete(item.id); }
              if (response.status === 400) { result.returned += 1; return returnToDraft(item); }
              if (response.status === 401) result.state = "login";
              // 403 (an old token), 409 (another account) or a server error: kept.
            });
          });
        }, Promise.resolve()).then(function () { return result; });
      });
    }).catch(function () {
      result.state = "offline";
      return result;
    });
  }

  // One sender at a time across every tab and the service worker (Web Locks, where the
  // browser has them): the online event and Background Sync fire together when the
  // signal returns, and two sends of one entry would race each other to the server.
  function sendQueuedOnce() {
    var locks = global.navigator && global.navigator.locks;
    if (!locks) return sendQueuedNow();
    return locks.request("pct-journal-send-queue", sendQueuedNow);
  }

  function sendQueued() {
    if (!sending) {
      sending = sendQueuedOnce().then(function (result) { sending = null; return result; });
    }
    return sending;
  }

  // A draft whose entry the journal already has (Save went through) is deleted.
  // Resolves with the draft still worth showing, or null.
  function forgetSavedDraft(owner) {
    return draftGet(owner).then(function (draft) {
      if (!draft || !draft.client_uuid || draft.needs_look) return draft || null;
      return session(draft.client_uuid).then(function (current) {
        if (current && current.owner === owner && current.saved) {
          return draftDelete(owner).then(function () { return null; });
        }
        return draft;
      }, function () { return draft; });  // Offline: nothing to ask, the draft stays.
    });
  }

  global.PCTOffline = {
    SYNC_TAG: "pct-send-queue",
    configure: function (options) { config.syncUrl = options.syncUrl; },
    queueAdd: queueAdd,
    queueAll: queueAll,
    queueCount: queueCount,
    draftGet: draftGet,
    draftPut: draftPut,
    draftDelete: draftDelete,
    clearAll: clearAll,
    sendQueued: sendQueued,
    forgetSavedDraft: forgetSavedDraft,
  };
})(self);
