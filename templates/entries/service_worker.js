{% load static %}// PCT Journal's service worker: the log form opens and saves without a connection.
//
// What it keeps (entries/offline_shell.py explains why): the static files every page
// uses and the offline log form, which holds nobody's data. It never stores a
// response it did not list here: journal pages, charts and exports only ever come
// from the network. Entries saved offline live in IndexedDB (static/js/offline_store.js),
// not in this cache, and are sent by a Background Sync where the browser has one.
"use strict";

var VERSION = "{{ version }}";
var CACHE = "pct-shell-" + VERSION;
var PRECACHE = {{ precache_json|safe }};
var OFFLINE_FORM = "{% url 'entries:offline_form' %}";

importScripts("{% static 'js/offline_store.js' %}");
PCTOffline.configure({ syncUrl: "{% url 'entries:sync' %}" });

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("pct-shell-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isPrecached(url) {
  return url.origin === self.location.origin && PRECACHE.indexOf(url.pathname) !== -1;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Pages always come from the network; with no network, the offline log form.
    event.respondWith(
      fetch(request).catch(function () {
        return caches.open(CACHE).then(function (cache) { return cache.match(OFFLINE_FORM); });
      })
    );
    return;
  }
  if (isPrecached(url) && url.pathname !== OFFLINE_FORM) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname).then(function (hit) { return hit || fetch(request); });
      })
    );
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === PCTOffline.SYNC_TAG) {
    // The open pages are told what was sent and what came back for another look: one
    // sender runs at a time, so a page's own send may have found the queue empty.
    event.waitUntil(PCTOffline.sendQueued().then(function (result) {
      return self.clients.matchAll({ type: "window" }).then(function (clients) {
        clients.forEach(function (client) {
          client.postMessage({ type: "pct-queue-changed", sent: result.sent, returned: result.returned });
        });
      });
    }));
  }
});
