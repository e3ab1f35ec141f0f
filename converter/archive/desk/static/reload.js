/* The preview reloads itself after each rebuild: it waits on /_preview/version until the number it was
   built with changes. A script file, not inline: the site's Content-Security-Policy allows no inline script. */
(function () {
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : "0";

  function wait() {
    fetch("/_preview/version?since=" + encodeURIComponent(version), {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (String(answer.version) !== version) { window.location.reload(); } else { wait(); }
      })
      .catch(function () { setTimeout(wait, 2000); });  /* the server restarts: try again */
  }
  wait();
})();
