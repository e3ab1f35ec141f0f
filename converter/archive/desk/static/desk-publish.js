/* Publishing: one button runs the check and `archive build`; the steps, the time taken and the result. */
(function () {
  var Desk = window.Desk, el = Desk.el;
  var ticking = null;

  function seconds(state) {
    return Math.max(0, Math.round(((state.finished || Date.now() / 1000) - state.started)));
  }

  function draw(state) {
    var box = Desk.clear(document.getElementById("publish-state"));
    var button = document.getElementById("publish");
    button.disabled = state.running;
    if (state.running) {
      var step = state.steps[state.step - 1] || "";
      box.appendChild(el("progress", {max: String(state.steps.length), value: String(state.step - 1),
                                      "aria-label": "发布进度"}));
      box.appendChild(el("p", {text: "第 " + state.step + " 步，共 " + state.steps.length + " 步：" + step +
                                     "…（已用 " + seconds(state) + " 秒）"}));
    } else if (state.ok !== null) {
      box.appendChild(el("p", {class: state.ok ? "message ok" : "message error",
                               text: (state.ok ? "发布完成" : "没有发布") + "（用时 " + seconds(state) + " 秒）"}));
      box.appendChild(el("ul", {class: "publish-lines"}, state.lines.map(function (line) {
        return el("li", {text: line});
      })));
    }
  }

  function follow(state) {
    draw(state);
    if (state.running && !ticking) {
      ticking = window.setInterval(function () { draw(Desk.state.publish); }, 1000);
    } else if (!state.running && ticking) {
      window.clearInterval(ticking);
      ticking = null;
    }
  }

  Desk.onState(function (state) { follow(state.publish); });

  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("publish").addEventListener("click", function () {
      Desk.post("/_desk/api/publish").then(function (result) {
        if (!result.ok) {
          var box = Desk.clear(document.getElementById("publish-state"));
          box.appendChild(el("p", {class: "message error", text: result.data.message}));
          return;
        }
        Desk.state.publish = result.data.publish;
        follow(result.data.publish);
      });
    });
  });
})();
