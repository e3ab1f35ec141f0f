/* Runs in <head>, before the page is drawn. ES5 on purpose: it is what old browsers get to run. */
(function () {
  /* Material loads a ResizeObserver polyfill from unpkg.com when a browser has none. The archive
     never asks a third party for anything, so such browsers get this small local stand-in. */
  if (typeof window.ResizeObserver === "undefined") {
    var LocalResizeObserver = function (callback) { this.callback = callback; this.targets = []; };
    LocalResizeObserver.prototype.notify = function () {
      var entries = this.targets.map(function (t) { return { target: t, contentRect: t.getBoundingClientRect() }; });
      if (entries.length) { this.callback(entries, this); }
    };
    LocalResizeObserver.prototype.observe = function (target) {
      var self = this;
      this.targets.push(target);
      if (!this.listening) { this.listening = function () { self.notify(); }; window.addEventListener("resize", this.listening); }
      setTimeout(function () { self.notify(); }, 0);
    };
    LocalResizeObserver.prototype.unobserve = function (target) {
      this.targets = this.targets.filter(function (t) { return t !== target; });
    };
    LocalResizeObserver.prototype.disconnect = function () {
      this.targets = [];
      if (this.listening) { window.removeEventListener("resize", this.listening); this.listening = null; }
    };
    window.ResizeObserver = LocalResizeObserver;
  }
  /* The reader's chosen font size and 长者模式, applied before the first paint so the page does not jump. */
  try {
    var scale = window.localStorage.getItem("archive.fontScale");
    if (scale) { document.documentElement.style.setProperty("--archive-font-scale", scale); }
    if (window.localStorage.getItem("archive.elder") === "1") { document.documentElement.setAttribute("data-archive-elder", ""); }
  } catch (e) { /* storage blocked: default size */ }
})();
