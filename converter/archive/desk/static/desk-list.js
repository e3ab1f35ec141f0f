/* The list: reports and refused files, newest first, with filters (待核对 / 有提示 / 已发布 / 未能导入). */
(function () {
  var Desk = window.Desk, el = Desk.el;
  var FILTERS = [
    {key: "all", label: "全部"},
    {key: "review", label: "待核对"},
    {key: "hints", label: "有提示"},
    {key: "published", label: "已发布"},
    {key: "failed", label: "未能导入"}
  ];
  var current = "all";

  function entries(state) {
    var reports = state.reports.map(function (report) {
      return {kind: "report", time: report.changed, item: report, review: !report.published,
              hints: report.findings.length > 0, published: report.published, failed: false};
    });
    var failed = state.uploads.filter(function (u) { return u.status === "failed"; }).map(function (upload) {
      return {kind: "upload", time: upload.received, item: upload, failed: true};
    });
    return reports.concat(failed).sort(function (a, b) { return b.time - a.time; });
  }

  function matches(entry, filter) {
    return filter === "all" || entry[filter];
  }

  function reportItem(report) {
    var errors = report.findings.filter(function (f) { return f.error; }).length;
    var hints = report.findings.length - errors;
    var badges = [el("span", {class: report.published ? "badge ok" : "badge review",
                              text: report.published ? "已发布" : "待核对"})];
    if (errors) { badges.push(el("span", {class: "badge error", text: errors + " 个错误"})); }
    if (hints) { badges.push(el("span", {class: "badge hint", text: hints + " 条提示"})); }
    var facts = [report.year, report.issuer || "（未识别发文机关）", report.doc_type].filter(Boolean).join(" · ");
    return el("li", {class: "report"}, [
      el("a", {href: "#/report/" + report.id, class: "title", text: report.title || report.name}),
      el("span", {class: "badges"}, badges),
      el("span", {class: "facts", text: facts + " · " + Desk.time(report.changed)})
    ]);
  }

  function uploadItem(upload) {
    var badge = upload.decision ? el("span", {class: "badge hint", text: "需要决定"})
                                : el("span", {class: "badge error", text: "未能导入"});
    return el("li", {class: "report failed"}, [
      el("a", {href: "#/upload/" + upload.id, class: "title", text: upload.name}),
      el("span", {class: "badges"}, [badge]),
      el("span", {class: "message", text: upload.message})
    ]);
  }

  /* The filter buttons are made once and updated, so a keyboard user's focus stays where it is. */
  function filterButtons() {
    var group = document.getElementById("filters");
    if (!group.children.length) {
      FILTERS.forEach(function (filter) {
        var button = el("button", {type: "button", "data-filter": filter.key});
        button.addEventListener("click", function () { current = filter.key; draw(Desk.state); });
        group.appendChild(button);
      });
    }
    return Array.prototype.slice.call(group.children);
  }

  function draw(state) {
    var all = entries(state);
    filterButtons().forEach(function (button, number) {
      var filter = FILTERS[number];
      var count = all.filter(function (e) { return matches(e, filter.key); }).length;
      button.textContent = filter.label + " " + count;
      button.setAttribute("aria-pressed", String(filter.key === current));
    });
    var list = document.getElementById("list");
    var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
    Desk.clear(list);
    var shown = all.filter(function (e) { return matches(e, current); });
    shown.forEach(function (entry) {
      list.appendChild(entry.kind === "report" ? reportItem(entry.item) : uploadItem(entry.item));
    });
    var again = focused && list.querySelector('a[href="' + focused + '"]');
    if (again) { again.focus(); }
    document.getElementById("list-empty").hidden = shown.length > 0;
  }

  Desk.onState(draw);
})();
