// The words scripts show, in the page's language: templates/_partials/ui_text.html puts
// them in data attributes. PCTText("sentMany", { count: 3 }) fills in {count}; the
// English passed as `fallback` is used on a page without them.
(function () {
  "use strict";

  window.PCTText = function (key, fallback, values) {
    var holder = document.getElementById("ui-text");
    var text = (holder && holder.dataset[key]) || fallback;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  };
})();
