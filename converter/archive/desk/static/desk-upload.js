/* A file that could not be imported: the importer's one line, and what staff can decide here (a reason
   to publish personal data, the year, replacing the report it duplicates), or take it off the list. */
(function () {
  var Desk = window.Desk, el = Desk.el;
  var DECISIONS = {
    reason: {label: "公开理由", button: "记录理由并导入",
             help: "如确需公开这些个人信息，请写明理由。理由会记入页面元数据（publish_override），与命令行的 --allow-personal-data 相同。"},
    year: {label: "年度", button: "按此年度导入", help: "程序找不到报告的年度。请填写报告所属的年度（四位数字）。"},
    replace: {button: "用这个新版本替换（原页面先备份）",
              help: "档案里已有同一份报告（标题、年度、发文机关相同）。替换后正文换成新版本，您对元数据的更正保留。"}
  };

  function decisionForm(upload, message) {
    var decision = DECISIONS[upload.decision];
    var parts = [el("p", {id: "decision-help", text: decision.help})];
    if (upload.decision === "reason") {
      parts.push(el("label", {for: "decision-value", text: decision.label}));
      parts.push(el("textarea", {id: "decision-value", name: "publish_override", rows: "3", "aria-describedby": "decision-help"}));
    } else if (upload.decision === "year") {
      parts.push(el("label", {for: "decision-value", text: decision.label}));
      parts.push(el("input", {id: "decision-value", name: "year", type: "number", inputmode: "numeric",
                              min: "1949", max: "2100", "aria-describedby": "decision-help"}));
    }
    parts.push(el("div", {class: "actions"}, [el("button", {type: "submit", text: decision.button})]));
    var form = el("form", {class: "decide", novalidate: true}, parts);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {}, field = form.querySelector("#decision-value");
      if (field) { body[field.name] = field.value; }
      Desk.post("/_desk/api/decide?id=" + upload.id, body).then(function (result) {
        message.className = result.ok ? "message ok" : "message error";
        message.textContent = result.ok ? "已按您的决定重新导入，结果会显示在列表中。" : result.data.message;
        if (result.ok) { window.location.hash = "#/"; Desk.announce(message.textContent); } else { message.focus(); }
      });
    });
    return form;
  }

  function dismissButton(upload, message) {
    var button = el("button", {type: "button", class: "secondary", text: "从列表中移除（删除上传的文件）"});
    button.addEventListener("click", function () {
      Desk.post("/_desk/api/dismiss?id=" + upload.id).then(function (result) {
        if (result.ok) { window.location.hash = "#/"; Desk.announce(result.data.message); return; }
        message.className = "message error";
        message.textContent = result.data.message;
        message.focus();
      });
    });
    return button;
  }

  Desk.screens.upload = function (id) {
    var upload = ((Desk.state && Desk.state.uploads) || []).filter(function (u) { return u.id === id; })[0];
    if (!upload) { Desk.screens.missing("找不到这个文件，可能已经移除。请返回列表。"); return; }
    var detail = Desk.clear(document.getElementById("detail"));
    document.title = upload.name + " · 审核台";
    var message = el("div", {class: "message", role: "status", tabindex: "-1"});
    var heading = el("h1", {tabindex: "-1", text: upload.name});
    detail.appendChild(el("p", {class: "back"}, [el("a", {href: "#/", text: "返回列表"})]));
    detail.appendChild(heading);
    detail.appendChild(el("p", {class: "badges"}, [el("span", {class: upload.decision ? "badge hint" : "badge error",
                                                              text: upload.decision ? "需要决定" : "未能导入"})]));
    detail.appendChild(el("section", {"aria-labelledby": "h-why"}, [
      el("h2", {id: "h-why", text: "原因和处理办法"}), el("p", {class: "refusal", text: upload.message || "正在处理…"})]));
    if (upload.decision) {
      detail.appendChild(el("section", {"aria-labelledby": "h-decide"}, [
        el("h2", {id: "h-decide", text: "您的决定"}), decisionForm(upload, message)]));
    }
    detail.appendChild(el("section", {"aria-labelledby": "h-remove"}, [
      el("h2", {id: "h-remove", text: "不再导入"}), dismissButton(upload, message), message]));
    heading.focus();
  };
})();
