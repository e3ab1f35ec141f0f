/* The desk's screens by address: #/ the list, #/report/<id> a report, #/upload/<id> a refused file.
   Focus moves to the new screen's heading, so screen readers and keyboards follow. */
(function () {
  var Desk = window.Desk, el = Desk.el;
  var opened = false;  /* the first screen keeps the browser's own focus */

  Desk.screens.missing = function (message) {
    var detail = Desk.clear(document.getElementById("detail"));
    var heading = el("h1", {tabindex: "-1", text: "找不到"});
    detail.appendChild(el("p", {class: "back"}, [el("a", {href: "#/", text: "返回列表"})]));
    detail.appendChild(heading);
    detail.appendChild(el("p", {text: message}));
    heading.focus();
  };

  function route() {
    var match = /^#\/(report|upload)\/([0-9a-f]{16})$/.exec(window.location.hash);
    var home = document.getElementById("home"), detail = document.getElementById("detail");
    home.hidden = Boolean(match);
    detail.hidden = !match;
    if (match) {
      Desk.screens[match[1]](match[2]);
    } else {
      document.title = "审核台 · 工作报告档案";
      Desk.clear(detail);
      if (opened) { home.querySelector("h1").focus(); }
    }
    opened = true;
  }

  /* A failed preview build (a page the site cannot be built with) is said on every screen until it is fixed. */
  Desk.onState(function (state) {
    var banner = document.getElementById("preview-error");
    var text = state.preview.error ? "网站预览未能更新：" + state.preview.error : "";
    if (banner.textContent !== text) { banner.textContent = text; }  /* hidden by CSS while empty */
  });

  document.addEventListener("DOMContentLoaded", function () {
    window.addEventListener("hashchange", route);
    Desk.refresh().then(function () {
      route();
      Desk.follow();
    });
  });
})();
