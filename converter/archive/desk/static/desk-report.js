/* One report: its warnings, its fields with where each came from, the correction form (controls made by
   the server from the field registry), other facts, and the page as it will be published. */
(function () {
  var Desk = window.Desk, el = Desk.el;

  function findingList(report) {
    var lines = report.findings.map(function (f) { return {error: f.error, text: f.message}; })
      .concat(report.import_warnings.map(function (text) { return {error: false, text: text}; }));
    if (!lines.length) { return el("p", {text: "没有提示。"}); }
    lines.sort(function (a, b) { return Number(b.error) - Number(a.error); });
    return el("ul", {class: "findings"}, lines.map(function (line) {
      return el("li", {class: line.error ? "error" : "hint"}, [
        el("strong", {text: line.error ? "错误：" : "提示："}), line.text]);
    }));
  }

  function input(control, field, id) {
    var value = field.value === null || field.value === undefined ? "" : String(field.value);
    if (control.control === "year") {
      return el("input", {id: id, name: control.key, type: "number", inputmode: "numeric", min: control.min,
                          max: control.max, step: "1", value: value});
    }
    if (control.control === "date") { return el("input", {id: id, name: control.key, type: "date", value: value}); }
    if (control.control === "choice") {
      var options = control.choices.indexOf(value) === -1 ? [value].concat(control.choices) : control.choices;
      return el("select", {id: id, name: control.key}, options.map(function (choice) {
        return el("option", {value: choice, selected: choice === value, text: choice || "（未填写）"});
      }));
    }
    var list = control.suggestions && control.suggestions.length ? id + "-known" : null;
    return el("input", {id: id, name: control.key, type: "text", value: value, list: list, autocomplete: "off"});
  }

  function choices(control, field, id) {
    return el("fieldset", {class: "choices", id: id, "aria-describedby": id + "-source " + id + "-problem"}, [
      el("legend", {text: control.label})
    ].concat(control.choices.map(function (choice, number) {
      var box = el("input", {type: "checkbox", name: control.key, value: choice, id: id + "-" + number,
                             checked: field.value.indexOf(choice) !== -1});
      return el("span", {class: "choice"}, [box, el("label", {for: id + "-" + number, text: choice})]);
    })));
  }

  /* Where the value came from (the page's `sources`); a weak source asks staff to confirm it. */
  function source(field, id) {
    var parts = field.source ? [el("span", {text: "来源：" + field.source})] : [];
    if (field.weak) {
      parts.push(el("span", {class: "weak", text: "（不一定准确，请核对）"}));
      parts.push(el("span", {class: "choice"}, [
        el("input", {type: "checkbox", name: "confirm", value: field.key, id: id + "-confirm"}),
        el("label", {for: id + "-confirm", text: "已核对无误"})]));
    }
    return el("p", {class: "source", id: id + "-source", hidden: !parts.length}, parts);
  }

  function fieldBlock(control, field) {
    var id = "f-" + control.key, problem = el("p", {class: "problem", id: id + "-problem", hidden: true});
    var parts;
    if (control.control === "choices") {
      parts = [choices(control, field, id)];
    } else {
      var box = input(control, field, id);
      box.setAttribute("aria-describedby", id + "-source " + id + "-problem");
      parts = [el("label", {for: id, text: control.label + (control.required ? "（必填）" : "")}), box];
      if (box.getAttribute("list")) {
        parts.push(el("datalist", {id: box.getAttribute("list")}, control.suggestions.map(function (known) {
          return el("option", {value: known});
        })));
      }
    }
    return el("div", {class: "field", "data-key": control.key}, parts.concat([source(field, id), problem]));
  }

  function values(form, controls) {
    var found = {};
    controls.forEach(function (control) {
      if (control.control === "choices") {
        found[control.key] = Array.prototype.map.call(
          form.querySelectorAll('input[name="' + control.key + '"]:checked'), function (box) { return box.value; });
      } else {
        found[control.key] = form.querySelector('[name="' + control.key + '"]').value;
      }
    });
    return found;
  }

  function showProblems(form, problems) {
    var first = null;
    form.querySelectorAll(".field").forEach(function (block) {
      var key = block.getAttribute("data-key"), line = problems[key];
      var problem = block.querySelector(".problem"), control = block.querySelector("input, select, fieldset");
      problem.hidden = !line;
      problem.textContent = line || "";
      control.setAttribute("aria-invalid", String(Boolean(line)));
      if (line && !first) { first = block.querySelector("input, select"); }
    });
    return first;
  }

  function saveForm(report, form, message) {
    var confirmed = Array.prototype.map.call(form.querySelectorAll('input[name="confirm"]:checked'),
                                             function (box) { return box.value; });
    message.className = "message";
    message.textContent = "正在保存…";
    Desk.post("/_desk/api/save?id=" + report.id, {values: values(form, report.form), confirmed: confirmed,
                                                  hash: report.hash}).then(function (result) {
      var first = showProblems(form, (result.data && result.data.problems) || {});
      message.className = result.ok ? "message ok" : "message error";
      message.textContent = result.data.message;
      if (result.data.problems) {
        message.appendChild(el("ul", {}, Object.keys(result.data.problems).map(function (key) {
          return el("li", {text: result.data.problems[key]});
        })));
      }
      if (result.ok) { Desk.screens.report(report.id, {saved: result.data.message}); return; }
      if (result.status === 409) {
        var again = el("button", {type: "button", class: "secondary", text: "重新打开这篇报告"});
        again.addEventListener("click", function () { Desk.screens.report(report.id); });
        message.appendChild(el("p", {}, [again]));
      }
      (first || message).focus();
    });
  }

  function form(report) {
    var byKey = {};
    report.fields.forEach(function (field) { byKey[field.key] = field; });
    var message = el("div", {class: "message", role: "status", tabindex: "-1", id: "save-message"});
    var node = el("form", {class: "correct", novalidate: true}, report.form.map(function (control) {
      return fieldBlock(control, byKey[control.key]);
    }).concat([el("div", {class: "actions"}, [el("button", {type: "submit", text: "保存更正"})]), message]));
    node.addEventListener("submit", function (event) { event.preventDefault(); saveForm(report, node, message); });
    return node;
  }

  function facts(report) {
    var keys = Object.keys(report.facts || {});
    return el("dl", {class: "facts"}, keys.reduce(function (items, key) {
      return items.concat([el("dt", {text: key}), el("dd", {text: report.facts[key]})]);
    }, [el("dt", {text: "页面文件"}), el("dd", {text: report.name})]));
  }

  function draw(report, saved) {
    var detail = Desk.clear(document.getElementById("detail"));
    document.title = (report.title || report.name) + " · 审核台";
    var heading = el("h1", {tabindex: "-1", text: report.title || report.name});
    detail.appendChild(el("p", {class: "back"}, [el("a", {href: "#/", text: "返回列表"})]));
    detail.appendChild(heading);
    detail.appendChild(el("p", {class: "badges"}, [el("span", {class: report.published ? "badge ok" : "badge review",
                                                              text: report.published ? "已发布" : "待核对"})]));
    var main = el("div", {class: "detail-main"}, [
      el("section", {"aria-labelledby": "h-findings"}, [el("h2", {id: "h-findings", text: "提示"}), findingList(report)]),
      el("section", {"aria-labelledby": "h-form"}, [el("h2", {id: "h-form", text: "核对与更正"}),
        report.form.length ? form(report) : el("p", {text: "这一页的元数据无法读取，请按上面的提示在编辑器中修正。"})]),
      el("section", {"aria-labelledby": "h-facts"}, [el("h2", {id: "h-facts", text: "其他信息"}), facts(report)])
    ]);
    var preview = el("section", {class: "detail-preview", "aria-labelledby": "h-preview"}, [
      el("h2", {id: "h-preview", text: "网站上的样子（预览）"}),
      el("p", {}, [el("a", {href: report.url, target: "_blank", rel: "noopener", text: "在新标签页打开预览"})]),
      el("iframe", {src: report.url, title: "预览：" + (report.title || report.name)})
    ]);
    detail.appendChild(el("div", {class: "detail-columns"}, [main, preview]));
    if (saved) {
      var message = document.getElementById("save-message");
      message.className = "message ok";
      message.textContent = saved;
      message.focus();
    } else {
      heading.focus();
    }
  }

  Desk.screens.report = function (id, options) {
    return Desk.get("/_desk/api/report?id=" + encodeURIComponent(id)).then(function (result) {
      if (!result.ok) { Desk.screens.missing(result.data.message); return; }
      draw(result.data, options && options.saved);
    });
  };
})();
