/* A report page's tools (a file: the Content-Security-Policy allows no inline script):
   - ?hl=<query> (a search result's link): every term of the query marked in the report, the first mark
     scrolled into view, a bar to go from mark to mark and to clear the marks. Terms are matched as the
     search matches them (archive-search/engine.js `normalize`: NFKC per character, lower case, zero-width
     characters dropped, spaces between digits dropped), so the marks are the matches the search counted;
   - 打印: the browser's print dialog (the print stylesheet in archive.css gives the paper look); the
     printout's footer carries the print date, filled in here;
   - 朗读: the report read aloud by the browser's speech synthesis, in Chinese, paragraph by paragraph;
     a browser without a Chinese voice says so. */
(function () {
  "use strict";
  var body = document.querySelector("[data-search-body]");
  if (!body) { return; }
  var SPACE = /[\s\u3000]+/;
  var ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/;

  function mapChar(ch) { return ZERO_WIDTH.test(ch) ? "" : ch.normalize("NFKC").toLowerCase(); }

  var BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, div, dl, tr, caption, figcaption, blockquote, pre, section";

  /* The normalised text of the report's text nodes, and for each normalised character its node and
     offset; a line break between blocks, as the search index has it (a term never spans two blocks). */
  function normalisedText(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), node, text = "", where = [], block = null;
    while ((node = walker.nextNode())) {
      var offset = 0, inside = node.parentElement.closest(BLOCKS);
      if (inside !== block) { text += "\n"; where.push(null); block = inside; }
      for (var ch of node.data) {
        var m = mapChar(ch);
        for (var k = 0; k < m.length; k++) { text += m[k]; where.push([node, offset]); }
        offset += ch.length;
      }
    }
    var kept = "", keptWhere = [];
    for (var i = 0; i < text.length; i++) {
      var digitSpace = text[i] === " " && /[0-9]/.test(text[i - 1] || "") && /^ *[0-9]/.test(text.slice(i));
      if (!digitSpace) { kept += text[i]; keptWhere.push(where[i]); }
    }
    return { text: kept, where: keptWhere };
  }

  function terms(query) {
    return Array.from(query.split(SPACE).filter(Boolean), function (t) {
      return Array.from(t, mapChar).join("").replace(/([0-9]) +(?=[0-9])/g, "$1");
    }).filter(Boolean);
  }

  /* Wrap normalised range [start, end) in <mark> elements (one per text node it touches). */
  function mark(found, start, end) {
    var marks = [], i = start;
    while (i < end) {
      var node = found.where[i][0], from = found.where[i][1], j = i;
      while (j + 1 < end && found.where[j + 1][0] === node) { j++; }
      var to = found.where[j][1] + 1;
      var range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, Math.min(node.length, to + (node.data.charCodeAt(to) >= 0xdc00 && node.data.charCodeAt(to) <= 0xdfff ? 1 : 0)));
      var el = document.createElement("mark");
      el.className = "archive-hl";
      range.surroundContents(el);
      marks.push(el);
      i = j + 1;
    }
    return marks;
  }

  function highlight(query) {
    var wanted = terms(query), found = normalisedText(body), ranges = [];
    wanted.forEach(function (term) {
      for (var at = found.text.indexOf(term); at !== -1; at = found.text.indexOf(term, at + term.length)) {
        ranges.push([at, at + term.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push(r.slice()); }
    });
    /* From the last range back: wrapping splits a text node after the part before it, so the positions
       found for earlier ranges stay right. */
    var groups = [];
    for (var k = merged.length - 1; k >= 0; k--) { groups.unshift(mark(found, merged[k][0], merged[k][1])); }
    return groups;
  }

  function clearMarks() {
    Array.prototype.slice.call(body.querySelectorAll("mark.archive-hl")).forEach(function (m) {
      var parent = m.parentNode;
      while (m.firstChild) { parent.insertBefore(m.firstChild, m); }
      parent.removeChild(m);
      parent.normalize();
    });
  }

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "archive-tool";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function markBar(query, groups) {
    var bar = document.createElement("div"), status = document.createElement("span"), current = 0;
    bar.className = "archive-hl-bar";
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "搜索词标记");
    status.setAttribute("role", "status");
    function show(n) {
      groups.forEach(function (g, i) { g.forEach(function (m) { m.classList.toggle("archive-hl--current", i === n); }); });
      groups[n][0].scrollIntoView({ block: "center" });
      status.textContent = "“" + query + "”：第 " + (n + 1) + " 处，共 " + groups.length + " 处";
      current = n;
    }
    bar.append(status,
      button("上一处", function () { show((current + groups.length - 1) % groups.length); }),
      button("下一处", function () { show((current + 1) % groups.length); }),
      button("清除标记", function () {
        clearMarks();
        bar.remove();
        var url = new URL(location.href);
        url.searchParams.delete("hl");
        history.replaceState(null, "", url.pathname + url.search + url.hash);
      }));
    body.parentNode.insertBefore(bar, body);
    show(0);
  }

  function printButton(tools) {
    tools.append(button("打印", function () { window.print(); }));
  }

  function printDate() {
    var today = new Date(), slot = document.querySelector("[data-print-date]");
    if (slot) { slot.textContent = today.getFullYear() + "年" + (today.getMonth() + 1) + "月" + today.getDate() + "日"; }
    var url = document.querySelector("[data-print-url]");
    if (url && !url.textContent) { url.textContent = location.origin + location.pathname; }
  }

  /* Read aloud: one utterance per paragraph (long utterances stop early in some browsers). */
  function readAloud(tools) {
    if (!("speechSynthesis" in window)) { return; }
    var say = button("朗读", toggle), note = document.createElement("span");
    note.className = "archive-tool-note";
    note.setAttribute("role", "status");
    tools.append(say, note);
    function voice() {
      return window.speechSynthesis.getVoices().filter(function (v) { return /^zh/i.test(v.lang); })[0] || null;
    }
    function stop() { window.speechSynthesis.cancel(); say.textContent = "朗读"; say.setAttribute("aria-pressed", "false"); }
    function toggle() {
      if (say.getAttribute("aria-pressed") === "true") { stop(); note.textContent = "已停止朗读。"; return; }
      var chinese = voice();
      if (!chinese) { note.textContent = "此浏览器没有中文朗读语音，无法朗读。可在系统设置中添加中文语音后再试。"; return; }
      var blocks = body.querySelectorAll("h1, h2, h3, h4, h5, h6, p, li, td");
      var texts = Array.prototype.map.call(blocks, function (b) { return b.textContent.trim(); }).filter(Boolean);
      texts.forEach(function (text, i) {
        var u = new SpeechSynthesisUtterance(text);
        u.lang = "zh-CN";
        u.voice = chinese;
        if (i === texts.length - 1) { u.onend = stop; }
        window.speechSynthesis.speak(u);
      });
      say.textContent = "停止朗读";
      say.setAttribute("aria-pressed", "true");
      note.textContent = "正在朗读全文。";
    }
    say.setAttribute("aria-pressed", "false");
    window.speechSynthesis.getVoices();  // some browsers load their voices on the first call
    window.addEventListener("pagehide", stop);
  }

  var tools = document.querySelector(".archive-tools");
  if (tools) {
    printButton(tools);
    readAloud(tools);
    tools.hidden = false;
  }
  printDate();
  var query = new URLSearchParams(location.search).get("hl");
  if (query && query.trim()) {
    var groups = highlight(query.trim());
    if (groups.length) { markBar(query.trim(), groups); }
  }
})();
