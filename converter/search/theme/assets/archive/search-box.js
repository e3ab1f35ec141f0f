/* The search box's loader, on every page (a file, not inline: the Content-Security-Policy allows only the
   site's own script files). It defines window.archiveSearch and fetches the engine, its styles and the
   index only when someone uses the box. */
(function () {
  var root = document.querySelector("[data-archive-search]"), loading = null;
  var assets = new URL((root.getAttribute("data-base") || ".").replace(/\/?$/, "/") + "assets/archive-search/", location.href).href;
  function add(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      for (var k in attrs) node.setAttribute(k, attrs[k]);
      node.onload = resolve; node.onerror = reject;
      document.head.appendChild(node);
    });
  }
  function load() {
    if (!loading) {
      loading = Promise.all([add("link", {rel: "stylesheet", href: assets + "search.css"}),
        add("script", {src: assets + "engine.js"}).then(function () { return add("script", {src: assets + "ui.js"}); })]);
    }
    return loading;
  }
  window.archiveSearch = {
    search: function (query, options) {
      return load().then(function () { return window.archiveSearch.search(query, options); });
    },
    ready: false
  };
  var input = root.querySelector("input[name=q]"), toggle = document.getElementById("__search");
  ["focus", "input"].forEach(function (e) { input.addEventListener(e, load); });
  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; });
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) { load(); input.focus(); } });
  document.addEventListener("keydown", function (e) {
    var target = e.target, typing = target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s")) {
      e.preventDefault();
      if (toggle) toggle.checked = true;
      input.focus();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (document.getElementById("archive-search-page")) load();
  });
})();
