/**
 * Archive search UI: the header search box (live results under Material's box) and the search page
 * (search/?q=…&year=2019-2023&from=2019-03&to=2023-12&sort=newest&issuer=…&topic=…&type=…)
 * with filters, sort order and the matches per year as a chart. Uses window.archiveSearch only; every
 * string from the index is put into the page as text, never as HTML. A result links to its report with
 * ?hl=<query>: the report page marks the terms and scrolls to the first (assets/archive/archive-report.js).
 */
(function () {
  "use strict";
  const api = window.archiveSearch;
  const root = document.querySelector("[data-archive-search]");
  const base = api.base;
  const pageUrl = new URL(root.getAttribute("data-page") || "search/", location.href).href;
  const MSG = {
    prompt: "输入要查找的词语，多个词语用空格分开",
    loading: "正在搜索…",
    error: "搜索出错：无法读取检索文件，请检查网络后刷新页面重试。",
    none: (q) => "没有找到包含“" + q + "”的报告。请检查用字，或减少词语、放宽筛选条件。",
    found: (n) => "找到 " + n + " 篇报告",
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function excerptNode(parts) {
    return el("p", { class: "archive-search__excerpt" },
      parts.map((p) => (p.mark ? el("mark", { text: p.text }) : document.createTextNode(p.text))));
  }

  function metaLine(r) {
    return el("p", { class: "archive-search__info", text: [r.year + " 年", r.issuer, r.doc_type, r.doc_number].filter(Boolean).join(" · ") });
  }

  /** The report's address with the query to mark on it. */
  function reportHref(r, query) {
    return base + r.url + "?hl=" + encodeURIComponent(query);
  }

  function resultNode(r, headingTag, query) {
    const link = el("a", { href: reportHref(r, query), class: "archive-search__link" }, [el(headingTag, { class: "archive-search__title", text: r.title })]);
    return el("li", { class: "archive-search__result" }, [link, metaLine(r), r.excerpt_parts.length ? excerptNode(r.excerpt_parts) : null]);
  }

  function moveFocus(items, current, step) {
    const i = items.indexOf(current);
    const next = items[Math.max(0, Math.min(items.length - 1, (i < 0 ? -1 : i) + step))];
    if (next) next.focus();
    return next;
  }

  /* ---------- header box ---------- */
  function headerBox() {
    const input = root.querySelector("input[name=q]");
    const status = root.querySelector("[data-archive-search-status]");
    const list = root.querySelector("[data-archive-search-list]");
    const toggle = document.getElementById("__search");
    let seq = 0, timer = null;

    async function run() {
      const q = input.value.trim();
      const mine = ++seq;
      list.replaceChildren();
      if (!q) { status.textContent = MSG.prompt; return; }
      status.textContent = MSG.loading;
      try {
        for (const excerpts of [0, 8]) {
          const res = await api.search(q, { limit: 8, excerpts });
          if (mine !== seq) return;
          status.textContent = res.total ? MSG.found(res.total) : MSG.none(q);
          const focused = [...list.querySelectorAll("a")].indexOf(document.activeElement);
          list.replaceChildren(...res.results.map((r) => resultNode(r, "h3", q)));
          if (res.total) {
            const more = el("a", { href: pageUrl + "?q=" + encodeURIComponent(q), class: "archive-search__more",
              text: "查看全部 " + res.total + " 篇，按年份、发文机关、主题、文种筛选 →" });
            list.append(el("li", { class: "archive-search__result archive-search__result--more" }, [more]));
          }
          if (focused >= 0 && list.querySelectorAll("a")[focused]) list.querySelectorAll("a")[focused].focus();
          if (!res.total) break;
        }
      } catch (e) {
        if (mine === seq) status.textContent = MSG.error;
      }
    }

    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
    root.querySelector("form").addEventListener("submit", (e) => { if (!input.value.trim()) e.preventDefault(); });
    root.querySelector("form").addEventListener("reset", () => { setTimeout(run, 0); input.focus(); });
    root.addEventListener("keydown", (e) => {
      const links = [input, ...list.querySelectorAll("a")];
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        moveFocus(links, document.activeElement, e.key === "ArrowDown" ? 1 : -1);
      } else if (e.key === "Escape") {
        e.preventDefault();
        if (document.activeElement !== input) { input.focus(); return; }
        if (toggle) toggle.checked = false;
        input.blur();
      }
    });
    if (input.value.trim()) run();
  }

  /* ---------- search page ---------- */
  const FILTER_KEYS = [["issuer", "issuer", "发文机关"], ["topic", "topic", "主题"], ["doc_type", "type", "文种"]];

  const SORTS = [["relevance", "相关度"], ["newest", "日期新→旧"], ["oldest", "日期旧→新"]];
  const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

  /** The page's state from its URL: ?q=…&year=2019-2023&from=2019-03&to=2023-12&sort=…&issuer=…&topic=…&type=…
   * (year: the reports' 年度; from/to: their 成文日期, by month). */
  function readState(search) {
    const params = new URLSearchParams(search);
    const state = { q: params.get("q") || "", year: params.get("year") || "", from: params.get("from") || "",
      to: params.get("to") || "", sort: params.get("sort") || "relevance", shown: 20 };
    if (!MONTH.test(state.from)) state.from = "";
    if (!MONTH.test(state.to)) state.to = "";
    if (!SORTS.some(([v]) => v === state.sort)) state.sort = "relevance";
    for (const [key, param] of FILTER_KEYS) state[key] = params.getAll(param);
    return state;
  }

  function stateUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.year) params.set("year", state.year);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (state.sort !== "relevance") params.set("sort", state.sort);
    for (const [key, param] of FILTER_KEYS) for (const v of state[key]) params.append(param, v);
    return location.pathname + (params.toString() ? "?" + params : "");
  }

  function filtered(state) {
    return Boolean(state.year || state.from || state.to || FILTER_KEYS.some(([key]) => state[key].length));
  }

  function pageParts(state) {
    const input = el("input", { type: "search", name: "q", id: "archive-search-q", class: "archive-search__input",
      autocomplete: "off", enterkeyhint: "search", "aria-describedby": "archive-search-hint" });
    input.value = state.q;
    const form = el("form", { class: "archive-search__form", role: "search" }, [
      el("label", { for: "archive-search-q", class: "archive-search__label", text: "查找词语" }), input,
      el("button", { type: "submit", class: "md-button md-button--primary", text: "搜索" }),
      el("p", { id: "archive-search-hint", class: "archive-search__hint",
        text: "找出全文中逐字包含该词语的报告；多个词语用空格分开，须同时出现。" }),
    ]);
    const filters = el("div", { class: "archive-search__filters", id: "archive-search-filter-list" });
    return {
      input, form, filters, box: filterBox(filters),
      status: el("p", { class: "archive-search__status", role: "status", "aria-live": "polite" }),
      list: el("ol", { class: "archive-search__results", "aria-label": "搜索结果" }),
      more: el("button", { type: "button", class: "md-button archive-search__more-button", text: "显示更多结果", hidden: "" }),
    };
  }

  /** The filters under a heading; on phones folded behind a button. */
  function filterBox(filters) {
    const toggle = el("button", { type: "button", class: "md-button archive-search__filtertoggle",
      "aria-expanded": "false", "aria-controls": filters.id, text: "显示筛选条件" });
    const box = el("section", { class: "archive-search__filterbox archive-search__filterbox--collapsed",
      "aria-labelledby": "archive-search-filters" },
      [el("h2", { id: "archive-search-filters", class: "archive-search__filterhead", text: "筛选" }), toggle, filters]);
    toggle.addEventListener("click", () => {
      const open = !box.classList.toggle("archive-search__filterbox--collapsed");
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "收起筛选条件" : "显示筛选条件";
    });
    return box;
  }

  /** Redraw the filters for `facets`; `changed()` runs after the user changes `state`. Focus is kept. */
  function renderFilters(filters, facets, state, changed) {
    const focused = filters.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    filters.replaceChildren(yearFieldset(facets.year, state, changed), dateFieldset(facets.year, state, changed),
      ...FILTER_KEYS.map(([key, , legend]) => checkboxFieldset(legend, key, facets[key], state, changed)));
    if (filtered(state)) {
      const clear = el("button", { type: "button", class: "md-button", text: "清除筛选" });
      clear.addEventListener("click", () => {
        state.year = state.from = state.to = "";
        for (const [key] of FILTER_KEYS) state[key] = [];
        changed();
      });
      filters.append(clear);
    }
    const again = focused && [...filters.querySelectorAll("input, select, button")].find((n) => focusKey(n) === focused);
    if (again) again.focus();
  }

  /** What identifies a filter control across redraws (ids are positional). */
  function focusKey(node) {
    return [node.tagName, node.name || "", node.value || "", node.textContent || ""].join("|");
  }

  function yearFieldset(counts, state, changed) {
    const years = Object.keys(counts).map(Number).sort((a, b) => a - b);
    const chosen = state.year ? state.year.split("-").concat(state.year).slice(0, 2) : ["", ""];
    const selects = ["from", "to"].map((name, i) => {
      const select = el("select", { name, id: "archive-search-" + name }, [el("option", { value: "", text: "不限" })]);
      for (const y of years) select.append(el("option", { value: String(y), text: y + " 年（" + counts[y] + "）" }));
      if (chosen[i] && !years.includes(Number(chosen[i]))) select.append(el("option", { value: chosen[i], text: chosen[i] + " 年" }));
      select.value = chosen[i] || "";
      return select;
    });
    for (const select of selects) {
      select.addEventListener("change", () => {
        const [a, b] = selects.map((s) => s.value);
        state.year = a || b ? a + "-" + b : "";
        changed();
      });
    }
    return el("fieldset", {}, [el("legend", { text: "年度" }),
      ...selects.map((select, i) => el("p", { class: "archive-search__year" },
        [el("label", { for: select.id, text: i ? "到" : "从" }), select]))]);
  }

  /** 成文日期 from a month to a month: a year and a month select for each end. */
  function dateFieldset(counts, state, changed) {
    const chosen = [state.from, state.to];
    const years = [...new Set(Object.keys(counts).concat(chosen.filter(Boolean).map((m) => m.slice(0, 4))))].sort();
    const ends = ["from", "to"].map((name, i) => {
      const [year, month] = chosen[i] ? chosen[i].split("-") : ["", ""];
      const yearSelect = el("select", { name: name + "-year", id: "archive-search-date-" + name, "aria-label": (i ? "到" : "从") + "年份" },
        [el("option", { value: "", text: "不限" })]);
      for (const y of years) yearSelect.append(el("option", { value: y, text: y + " 年" + (counts[y] ? "（" + counts[y] + "）" : "") }));
      const monthSelect = el("select", { name: name + "-month", "aria-label": (i ? "到" : "从") + "月份" });
      for (let m = 1; m <= 12; m++) monthSelect.append(el("option", { value: String(m).padStart(2, "0"), text: m + " 月" }));
      yearSelect.value = year || "";
      monthSelect.value = month || (i ? "12" : "01");
      return [yearSelect, monthSelect];
    });
    const update = () => {
      ["from", "to"].forEach((name, i) => {
        const [y, m] = ends[i].map((s) => s.value);
        state[name] = y ? y + "-" + m : "";
      });
      changed();
    };
    for (const select of ends.flat()) select.addEventListener("change", update);
    return el("fieldset", {}, [el("legend", { text: "成文日期" }),
      ...ends.map((pair, i) => el("p", { class: "archive-search__year" },
        [el("label", { for: pair[0].id, text: i ? "到" : "从" }), ...pair]))]);
  }

  function sortControl(state, changed) {
    const select = el("select", { id: "archive-search-sort", name: "sort" }, SORTS.map(([value, text]) => el("option", { value, text })));
    select.value = state.sort;
    select.addEventListener("change", () => { state.sort = select.value; changed(); });
    return el("p", { class: "archive-search__sort" }, [el("label", { for: select.id, text: "排序" }), select]);
  }

  /** Matching reports (and matches) per year as bars, every year from the first to the last; a bar is a
   * button that filters to its year. A table gives the same numbers. */
  function trendChart(years, state, changed) {
    const known = Object.keys(years).map(Number);
    if (!known.length) return null;
    const first = Math.min(...known), last = Math.max(...known);
    const peak = Math.max(...known.map((y) => years[y].reports));
    const bars = el("div", { class: "archive-trend__bars" });
    const rows = [];
    for (let y = first; y <= last; y++) {
      const n = years[y] || { reports: 0, matches: 0 };
      const label = y + " 年：" + n.reports + " 篇，" + n.matches + " 处";
      const fill = el("span", { class: "archive-trend__fill" });
      fill.style.height = (n.reports ? Math.max(4, Math.round(100 * n.reports / peak)) : 0) + "%";
      const bar = el("button", { type: "button", class: "archive-trend__bar", "aria-label": label, title: label,
        "data-year": String(y), "data-reports": String(n.reports) }, [fill, el("span", { class: "archive-trend__year", text: String(y).slice(2) })]);
      if (!n.reports) bar.disabled = true;
      bar.addEventListener("click", () => { state.year = y + "-" + y; changed(); });
      bars.append(bar);
      rows.push(el("tr", {}, [el("th", { scope: "row", text: y + " 年" }), el("td", { text: String(n.reports) }), el("td", { text: String(n.matches) })]));
    }
    const table = el("table", { class: "archive-trend__table" }, [el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "年份" }),
      el("th", { scope: "col", text: "报告（篇）" }), el("th", { scope: "col", text: "出现（处）" })])]), el("tbody", {}, rows)]);
    return el("section", { class: "archive-trend", "aria-labelledby": "archive-trend-head" }, [
      el("h2", { id: "archive-trend-head", class: "archive-trend__head", text: "各年度出现情况（" + first + "–" + last + " 年，点击某年只看该年）" }),
      bars, el("details", { class: "archive-trend__details" }, [el("summary", { text: "以表格显示" }), table])]);
  }

  function checkboxFieldset(legend, key, counts, state, changed) {
    const values = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b, "zh"));
    for (const v of state[key]) if (!values.includes(v)) values.push(v);
    const box = el("fieldset", {}, [el("legend", { text: legend })]);
    if (!values.length) box.append(el("p", { class: "archive-search__hint", text: "（无）" }));
    values.forEach((v, i) => {
      const id = "archive-search-" + key + "-" + i;
      const check = el("input", { type: "checkbox", id, name: key, value: v });
      check.checked = state[key].includes(v);
      check.addEventListener("change", () => {
        state[key] = check.checked ? state[key].concat(v) : state[key].filter((x) => x !== v);
        changed();
      });
      box.append(el("p", { class: "archive-search__check" }, [check, el("label", { for: id, text: v + "（" + (counts[v] || 0) + "）" })]));
    });
    return box;
  }

  function searchPage(host) {
    const state = readState(location.search);
    const parts = pageParts(state);
    let seq = 0;
    const changed = () => { state.shown = 20; history.replaceState(null, "", stateUrl(state)); run(); };
    const trend = el("div", { class: "archive-trend-slot" });
    host.replaceChildren(parts.form, el("div", { class: "archive-search__layout" },
      [parts.box, el("div", {}, [el("div", { class: "archive-search__bar" }, [parts.status, sortControl(state, changed)]),
        trend, parts.list, parts.more])]));

    async function run() {
      const mine = ++seq;
      if (!state.q.trim()) {
        parts.status.textContent = MSG.prompt;
        parts.list.replaceChildren(); parts.filters.replaceChildren(); trend.replaceChildren(); parts.more.hidden = true;
        return;
      }
      parts.status.textContent = MSG.loading;
      try {
        for (const excerpts of [0, state.shown]) {  // results at once, their excerpts when loaded
          const filters = { year: state.year, date: [state.from, state.to], issuer: state.issuer, topic: state.topic, doc_type: state.doc_type };
          const res = await api.search(state.q, { filters, limit: state.shown, excerpts, sort: state.sort });
          if (mine !== seq) return;
          showPage(res, excerpts);
          if (!res.total) break;
        }
      } catch (e) {
        if (mine === seq) parts.status.textContent = MSG.error;
      }
    }

    function showPage(res, excerpts) {
      parts.status.textContent = res.total ? MSG.found(res.total) + (filtered(state) ? "（已筛选）" : "") : MSG.none(state.q);
      parts.list.replaceChildren(...res.results.map((r) => resultNode(r, "h2", state.q)));
      parts.list.setAttribute("aria-busy", excerpts ? "false" : "true");
      parts.more.hidden = res.total <= res.results.length;
      if (excerpts) return;
      renderFilters(parts.filters, res.facets, state, changed);
      const year = trend.contains(document.activeElement) && document.activeElement.getAttribute("data-year");
      trend.replaceChildren(...[trendChart(res.years, state, changed)].filter(Boolean));
      const again = year && trend.querySelector('[data-year="' + year + '"]');
      if (again) again.focus();
    }

    parts.form.addEventListener("submit", (e) => {
      e.preventDefault();
      state.q = parts.input.value.trim(); state.shown = 20;
      history.pushState(null, "", stateUrl(state));
      run();
    });
    parts.more.addEventListener("click", () => { state.shown += 20; run(); });
    parts.list.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      e.preventDefault();
      moveFocus([...parts.list.querySelectorAll("a")], document.activeElement, e.key === "ArrowDown" ? 1 : -1);
    });
    window.addEventListener("popstate", () => location.reload());
    run();
  }

  headerBox();
  const host = document.getElementById("archive-search-page");
  if (host) searchPage(host);
})();
