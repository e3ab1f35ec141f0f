/* The archive's page behaviour: font-size control, 长者模式, copy buttons, full permalinks. No outside
   requests. */
(function () {
  var KEY = "archive.fontScale";
  var ELDER = "archive.elder";  /* "1": 长者模式 on (archive-head.js applies it before the first paint) */

  /* 长者模式: one switch for 特大 type, high-contrast colours and bigger targets (archive.css), remembered. */
  function elderSwitch() {
    var button = document.querySelector(".archive-elder");
    if (!button) { return; }
    var on = document.documentElement.hasAttribute("data-archive-elder");
    button.setAttribute("aria-pressed", String(on));
    button.addEventListener("click", function () {
      on = !on;
      document.documentElement.toggleAttribute("data-archive-elder", on);
      button.setAttribute("aria-pressed", String(on));
      try { window.localStorage.setItem(ELDER, on ? "1" : "0"); } catch (e) { /* storage blocked */ }
    });
    button.hidden = false;
  }

  function setScale(scale, buttons) {
    document.documentElement.style.setProperty("--archive-font-scale", scale);
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.fontScale === scale)); });
  }

  function fontSizeControl() {
    var group = document.querySelector(".archive-fontsize");
    if (!group) { return; }
    var buttons = Array.prototype.slice.call(group.querySelectorAll("[data-font-scale]"));
    var saved = null;
    try { saved = window.localStorage.getItem(KEY); } catch (e) { /* storage blocked */ }
    setScale(saved || "1", buttons);
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        setScale(button.dataset.fontScale, buttons);
        try { window.localStorage.setItem(KEY, button.dataset.fontScale); } catch (e) { /* storage blocked */ }
      });
    });
    group.hidden = false;
  }

  function copyButtons() {
    if (!navigator.clipboard) { return; }
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var label = button.textContent;
      button.addEventListener("click", function () {
        var source = document.querySelector(button.dataset.copy);
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          button.textContent = "已复制";
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
      button.hidden = false;
    });
  }

  function fullPermalinks() {
    /* Without a site_url the build cannot know the site's address; the browser does. */
    document.querySelectorAll("a[data-absolutize]").forEach(function (a) { a.textContent = a.href; });
  }

  fontSizeControl();
  elderSwitch();
  copyButtons();
  fullPermalinks();
})();
