/**
 * Archive search engine: exact substring search over the positional character-bigram index that
 * converter/search builds into search/ (see converter/search/index.py for the file formats).
 *
 * Stable API (relied on by tests and by anyone embedding the archive):
 *
 *   window.archiveSearch.search(query, {filters, limit, offset, excerpts, sort})
 *     -> Promise<{total, results: [{url, title, year, issuer, doc_type, doc_number, excerpt, ...}], facets, years}>
 *
 *   query     terms separated by spaces; a report matches when it contains every term exactly
 *             (same normalisation as the index: NFKC per character, lower case, zero-width characters
 *             dropped, spaces between digits dropped).
 *   filters   {year: 2023 | [from, to], date: ["2019-03", "2023-12"] (成文日期 by month, either end may be
 *             ""; a report without a date counts by its year), issuer: "…" | ["…"], topic: "…" | ["…"],
 *             doc_type: "…" | ["…"]}
 *   sort      "relevance" (default), "newest" or "oldest" (成文日期, else the end of the report's year).
 *   limit     results to return (default 10; Infinity = every match); offset: results to skip.
 *   excerpts  how many of the returned results get an excerpt (default 10); the others get "".
 *   url       the report page URL relative to the site root, e.g. "reports/2023/kejiju/".
 *   excerpt   HTML: escaped report text around the first match, matches wrapped in <mark>.
 *   facets    {year, issuer, topic, doc_type}: value -> number of matching reports, each counted with
 *             the other filters applied.
 *   years     {"2023": {reports, matches}}: per year (年度), the matching reports and their matches, with
 *             the filters but the year filter applied (what the year chart draws).
 * A term that is a 文号 (`明科发〔2023〕12号`, in any of its bracket forms) also finds the report whose
 * 文号 it is, whatever brackets either is written with.
 * Ranking: reports whose 文号 is a term first, then whose title contains more of the terms, then more
 * matches, then newer.
 * Nothing is downloaded until the first search.
 */
(function () {
  "use strict";
  const SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/;
  const DIGIT_SPACES = /([0-9]) +(?=[0-9])/g;
  const charCache = new Map();

  function mapChar(ch) {
    let m = charCache.get(ch);
    if (m === undefined) {
      m = ZERO_WIDTH.test(ch) ? "" : ch.normalize("NFKC").toLowerCase();
      charCache.set(ch, m);
    }
    return m;
  }

  /** normalize(text) -> {text, from}: from[i] = index in `text` of the character normalised[i] came from. */
  function normalizeWithMap(text) {
    let out = "";
    const from = [];
    let i = 0;
    for (const ch of text) {
      const m = mapChar(ch);
      out += m;
      for (let k = 0; k < m.length; k++) from.push(i);
      i += ch.length;
    }
    const keptText = [];
    const keptFrom = [];
    const dropped = new Set();
    out.replace(DIGIT_SPACES, (match, digit, at) => {
      for (let k = at + 1; k < at + match.length; k++) dropped.add(k);
      return match;
    });
    for (let k = 0; k < out.length; k++) {
      if (!dropped.has(k)) { keptText.push(out[k]); keptFrom.push(from[k]); }
    }
    return { text: keptText.join(""), from: keptFrom };
  }

  function normalize(text) {
    let out = "";
    for (const ch of text) out += mapChar(ch);
    return out.replace(DIGIT_SPACES, "$1");
  }

  function queryTerms(query) {
    return normalize(String(query || "")).split(SPACE).filter(Boolean);
  }

  function keyHash(key) {
    let h = 0x811c9dc5;
    for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h;
  }

  function readVarints(bytes) {
    const out = [];
    let value = 0, shift = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      value += (b & 0x7f) * 2 ** shift;
      if (b & 0x80) { shift += 7; } else { out.push(value); value = 0; shift = 0; }
    }
    return out;
  }

  const KEPT_TERMS = 64;  // recent terms' matches, so the UI's second call (with excerpts) computes nothing

  function Engine(base) {
    this.base = base;
    this.meta = null;
    this.files = new Map();
    this.terms = new Map();
  }

  /** The report table; fetched as soon as the engine loads (the box is in use), again after a failure. */
  Engine.prototype.load = function () {
    if (!this.meta) {
      this.meta = fetchOk(this.base + "search/meta.json", { cache: "no-cache" })
        .then((r) => r.json())
        .then((meta) => {
          this.metaDigest = meta.digest;  // names this index's version in every file's URL
          return prepareMeta(meta);
        });
      this.meta.catch(() => { this.meta = null; });
    }
    return this.meta;
  };

  /** meta.table columns → meta.reports objects (coded values looked up in meta.codes). */
  function prepareMeta(meta) {
    meta.wideSet = keySet(meta.wide);
    meta.reports = decodeTable(meta);
    meta.starts = [];
    let position = 0;
    for (const d of meta.reports) { meta.starts.push(position); position += d.length + 1; }
    meta.normTitles = meta.reports.map((d) => normalize(d.title));
    meta.docKeys = meta.reports.map((d) => docNumberKey(d.doc_number || ""));
    return meta;
  }

  const DOC_NUMBER = /^(.+?)[〔[【(](\d{4})[〕\])】]第?(\d+)号$/;

  /** A 文号 in the one form compared (see converter/metadata/doc_numbers.py), or "". */
  function docNumberKey(text) {
    const m = normalize(text).replace(/\s+/g, "").match(DOC_NUMBER);
    return m ? m[1] + "〔" + m[2] + "〕" + Number(m[3]) + "号" : "";
  }

  function decodeTable(meta) {
    const reports = meta.table.url.map(() => ({}));
    for (const [name, values] of Object.entries(meta.table)) {
      const codes = meta.codes[name];
      values.forEach((value, i) => {
        reports[i][name] = !codes ? value : Array.isArray(value) ? value.map((n) => codes[n]) : codes[value];
      });
    }
    return reports;
  }

  /** The keys of a `keys` list ({"科": "技学"}: 科技, 科学; converter/search/index.py). */
  function keySet(list) {
    const keys = new Set();
    for (const [head, lasts] of Object.entries(list || {})) for (const last of lasts) keys.add(head + last);
    return keys;
  }

  function fetchOk(url, options) {
    return fetch(url, options).then((r) => {
      if (!r.ok) throw new Error("HTTP " + r.status + " " + url);
      return r;
    });
  }

  Engine.prototype.file = function (path, kind) {
    if (!this.files.has(path)) {
      const url = this.base + "search/" + path + "?v=" + this.metaDigest;
      const p = fetchOk(url).then((r) => (kind === "json" ? r.json() : r.arrayBuffer()));
      p.catch(() => this.files.delete(path));
      this.files.set(path, p);
    }
    return this.files.get(path);
  };

  /** A text fragment for excerpts, [start, text, normalised text with its map], normalised once. */
  Engine.prototype.fragment = function (path) {
    return this.parsed(path, "json", ([start, text]) => [start, text, normalizeWithMap(text)]);
  };

  /** The encoded entry of a key (1 to 3 characters), or null. */
  Engine.prototype.entry = async function (meta, key) {
    if (meta.big_lists && (await this.bigKeys(keyHash(key) % meta.big_lists)).has(key)) {
      const name = Array.from(key, (c) => c.codePointAt(0).toString(16)).join("-");
      return new Uint8Array(await this.file("k/" + name + ".bin"));
    }
    const shard = await this.shard(keyHash(key) % meta.shards);
    const found = shard.get(key);
    return found || null;
  };

  /** The big keys of list n (those with a file of their own). */
  Engine.prototype.bigKeys = function (n) {
    return this.parsed("b/" + n + ".json", "json", keySet);
  };

  Engine.prototype.shard = function (n) {
    return this.parsed("i/" + n + ".bin", "bin", (buffer) => parseShard(new Uint8Array(buffer)));
  };

  /** A file read once into what `parse` makes of it; asked for again after a failure. */
  Engine.prototype.parsed = function (path, kind, parse) {
    const key = "parsed:" + path;
    if (!this.files.has(key)) {
      const p = this.file(path, kind).then(parse);
      p.catch(() => this.files.delete(key));
      this.files.set(key, p);
    }
    return this.files.get(key);
  };

  function parseShard(bytes) {
    const map = new Map();
    let at = 0;
    const next = () => {
      let value = 0, shift = 0, b;
      do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return value;
    };
    const count = next();
    const heads = [];
    for (let i = 0; i < count; i++) {
      const points = [next(), next(), next()].filter(Boolean);
      heads.push([String.fromCodePoint(...points), next()]);
    }
    for (const [key, length] of heads) { map.set(key, bytes.subarray(at, at + length)); at += length; }
    return map;
  }

  function docOf(starts, position) {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= position) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** [offset, key] of the positional entries that together pin down every character of a term (2
   * characters or more, not a wide bigram): bigrams two apart and the last one, each wide one replaced
   * by the trigram that extends it by the next character (by the one before at the end of the term).
   * The first is at offset 0. */
  function coverKeys(chars, wide) {
    const offsets = [];
    for (let k = 0; k + 1 < chars.length; k += 2) offsets.push(k);
    if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
    return offsets.map((k) => {
      const pair = chars[k] + chars[k + 1];
      if (!wide.has(pair)) return [k, pair];
      return k + 2 < chars.length ? [k, pair + chars[k + 2]] : [k - 1, chars[k - 1] + pair];
    });
  }

  /** `term`'s matches, computed once while it is among the last KEPT_TERMS terms searched. */
  Engine.prototype.matches = function (meta, term) {
    let found = this.terms.get(term);
    if (!found) {
      found = this.term(meta, term);
      found.catch(() => this.terms.delete(term));
      this.terms.set(term, found);
      if (this.terms.size > KEPT_TERMS) this.terms.delete(this.terms.keys().next().value);
    }
    return found;
  };

  /** One term -> Map(doc -> {count, first}) with `first` the local position of its first match. */
  Engine.prototype.term = async function (meta, term) {
    const chars = Array.from(term);
    const hits = new Map();
    if (chars.length === 1 || meta.wideSet.has(term)) {  // a per report entry
      const data = await this.entry(meta, term);
      const values = data ? readVarints(data) : [];
      let first = 0;
      for (let i = 0; i < values.length; i += 2) {
        first += values[i];
        const doc = docOf(meta.starts, first);
        hits.set(doc, { count: values[i + 1], first: first - meta.starts[doc] });
      }
      return hits;
    }
    const keys = coverKeys(chars, meta.wideSet);
    const lists = await Promise.all(keys.map(async ([, key]) => {
      const data = await this.entry(meta, key);
      const deltas = data ? readVarints(data) : [];
      for (let i = 1; i < deltas.length; i++) deltas[i] += deltas[i - 1];
      return deltas;
    }));
    let starts = lists[0];
    for (let j = 1; j < keys.length && starts.length; j++) starts = shiftedIntersection(starts, lists[j], keys[j][0]);
    for (const position of starts) {
      const doc = docOf(meta.starts, position);
      const hit = hits.get(doc);
      if (hit) hit.count++; else hits.set(doc, { count: 1, first: position - meta.starts[doc] });
    }
    const key = docNumberKey(term);
    if (key) meta.docKeys.forEach((k, doc) => { if (k === key && !hits.has(doc)) hits.set(doc, { count: 1, first: 0 }); });
    return hits;
  };

  /** Positions p of `a` (sorted) with p + shift in `b` (sorted). */
  function shiftedIntersection(a, b, shift) {
    const out = [];
    let j = 0;
    for (const p of a) {
      const want = p + shift;
      while (j < b.length && b[j] < want) j++;
      if (j === b.length) break;
      if (b[j] === want) out.push(p);
    }
    return out;
  }

  function asList(value) {
    if (value === undefined || value === null || value === "") return null;
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    return list.length ? list : null;
  }

  function yearRange(value) {
    if (value === undefined || value === null || value === "") return null;
    if (Array.isArray(value)) return [Number(value[0]) || -Infinity, Number(value[1]) || Infinity];
    const parts = String(value).split("-");
    return [Number(parts[0]) || -Infinity, Number(parts.length > 1 ? parts[1] : parts[0]) || Infinity];
  }

  /** [from, to] months ("YYYY-MM", "" for open) of filters.date, or null. */
  function monthRange(value) {
    const [from, to] = (Array.isArray(value) ? value : String(value || "").split("/")).map((v) => String(v || "").slice(0, 7));
    return from || to ? [from || "", to || ""] : null;
  }

  function inMonths(d, months) {
    if (!d.date) return (!months[0] || d.year >= Number(months[0].slice(0, 4))) && (!months[1] || d.year <= Number(months[1].slice(0, 4)));
    const month = d.date.slice(0, 7);
    return (!months[0] || month >= months[0]) && (!months[1] || month <= months[1]);
  }

  function facetTests(meta, filters) {
    filters = filters || {};
    const years = yearRange(filters.year);
    const months = monthRange(filters.date);
    const sets = { issuer: asList(filters.issuer), topic: asList(filters.topic), doc_type: asList(filters.doc_type) };
    return {
      date: (d) => !months || inMonths(d, months),
      year: (d) => !years || (d.year >= years[0] && d.year <= years[1]),
      issuer: (d) => !sets.issuer || sets.issuer.includes(d.issuer),
      doc_type: (d) => !sets.doc_type || sets.doc_type.includes(d.doc_type),
      topic: (d) => !sets.topic || d.topics.some((t) => sets.topic.includes(t)),
    };
  }

  function facetValues(d) {
    return { year: [String(d.year)], issuer: [d.issuer], doc_type: [d.doc_type], topic: d.topics };
  }

  const FACET_IGNORES = { year: ["year"], issuer: ["issuer"], topic: ["topic"], doc_type: ["doc_type"] };

  /** Facet counts (each with the other filters applied) and, per year, reports and matches. */
  function countFacets(meta, docs, tests, counts) {
    const facets = { year: {}, issuer: {}, topic: {}, doc_type: {} };
    const years = {};
    const names = Object.keys(tests);
    for (const doc of docs) {
      const d = meta.reports[doc];
      const failed = names.filter((n) => !tests[n](d));
      const values = facetValues(d);
      for (const [name, ignored] of Object.entries(FACET_IGNORES)) {
        if (!failed.every((n) => ignored.includes(n))) continue;
        for (const v of values[name]) facets[name][v] = (facets[name][v] || 0) + 1;
        if (name === "year") {
          const y = years[d.year] || (years[d.year] = { reports: 0, matches: 0 });
          y.reports++; y.matches += counts ? counts(doc) : 0;
        }
      }
    }
    return { facets, years };
  }

  Engine.prototype.search = async function (query, options) {
    options = options || {};
    const meta = await this.load();
    const terms = queryTerms(query);
    const answer = { query: String(query || ""), terms, total: 0, results: [], ...countFacets(meta, [], {}) };
    if (!terms.length) return answer;
    const perTerm = await Promise.all(terms.map((t) => this.matches(meta, t)));
    const docs = [...perTerm[0].keys()].filter((doc) => perTerm.every((m) => m.has(doc)));
    const tests = facetTests(meta, options.filters);
    Object.assign(answer, countFacets(meta, docs, tests, (doc) => perTerm.reduce((n, m) => n + m.get(doc).count, 0)));
    const chosen = docs.filter((doc) => Object.values(tests).every((test) => test(meta.reports[doc])));
    const ranked = sortBy(rank(meta, chosen, terms, perTerm), options.sort);
    const limit = options.limit === undefined ? 10 : options.limit;
    const offset = options.offset || 0;
    const shown = ranked.slice(offset, limit === Infinity ? undefined : offset + limit);
    const excerpts = options.excerpts === undefined ? 10 : options.excerpts;
    answer.total = ranked.length;
    answer.results = await Promise.all(shown.map(async (r, i) =>
      result(meta, r, i < excerpts ? await this.excerptParts(meta, r.doc, r.first, terms) : [])));
    return answer;
  };

  /** Reports whose 文号 is a term first, then with more terms in the title, then more matches, then
   * newer (URL breaks ties). */
  function rank(meta, docs, terms, perTerm) {
    const keys = terms.map(docNumberKey).filter(Boolean);
    const ranked = docs.map((doc) => ({
      doc,
      numbered: keys.includes(meta.docKeys[doc]) ? 1 : 0,
      titleTerms: terms.filter((t) => meta.normTitles[doc].includes(t)).length,
      count: perTerm.reduce((n, m) => n + m.get(doc).count, 0),
      first: perTerm[0].get(doc).first,
      year: meta.reports[doc].year, date: meta.reports[doc].date, url: meta.reports[doc].url,
    }));
    return ranked.sort((a, b) => b.numbered - a.numbered || b.titleTerms - a.titleTerms || b.count - a.count ||
      b.year - a.year || (b.date > a.date) - (b.date < a.date) || (a.url > b.url) - (a.url < b.url));
  }

  /** The ranked reports in date order when asked ("newest", "oldest"); relevance breaks ties. */
  function sortBy(ranked, sort) {
    if (sort !== "newest" && sort !== "oldest") return ranked;
    const day = (r) => r.date || r.year + "-12-31";
    const sign = sort === "newest" ? -1 : 1;
    return ranked.map((r, i) => [r, i]).sort(([a, i], [b, j]) => sign * ((day(a) > day(b)) - (day(a) < day(b))) || i - j)
      .map(([r]) => r);
  }

  function result(meta, r, parts) {
    const d = meta.reports[r.doc];
    return {
      url: d.url, title: d.title, year: d.year, issuer: d.issuer, doc_type: d.doc_type,
      topics: d.topics, date: d.date || null, doc_number: d.doc_number || "", matches: r.count,
      excerpt: partsToHtml(parts), excerpt_parts: parts,
    };
  }

  /** [{text, mark}] around normalised position `first` of a report, every term occurrence marked. */
  Engine.prototype.excerptParts = async function (meta, doc, first, terms) {
    const k = Math.floor(first / meta.chunk);
    const [start, text, norm] = await this.fragment("t/" + doc + "-" + k + ".json");
    const marks = new Array(norm.text.length).fill(false);
    for (const term of terms) {
      for (let at = norm.text.indexOf(term); at !== -1; at = norm.text.indexOf(term, at + 1)) {
        for (let j = at; j < at + term.length; j++) marks[j] = true;
      }
    }
    const local = Math.max(0, Math.min(first - start, norm.text.length - 1));
    const from = Math.max(0, local - 30);
    const to = Math.min(norm.text.length, local + 90);
    const startChar = from > 0 ? norm.from[from] : 0;
    const endChar = to < norm.text.length ? norm.from[to] : text.length;
    const marked = new Array(text.length).fill(false);
    norm.from.forEach((orig, j) => { if (marks[j]) marked[orig] = true; });
    return sliceMarks(text, marked, startChar, endChar, from > 0, to < norm.text.length);
  };

  function sliceMarks(text, marked, startChar, endChar, before, after) {
    const parts = before ? [{ text: "…", mark: false }] : [];
    let run = null;
    for (let i = startChar; i < endChar; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff && i > 0) marked[i] = marked[i - 1];
      const ch = text[i] === "\n" ? " " : text[i];
      if (run && run.mark === marked[i]) run.text += ch;
      else { run = { text: ch, mark: marked[i] }; parts.push(run); }
    }
    if (after) parts.push({ text: "…", mark: false });
    return parts;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function partsToHtml(parts) {
    return parts.map((p) => (p.mark ? "<mark>" + escapeHtml(p.text) + "</mark>" : escapeHtml(p.text))).join("");
  }

  function siteBase() {
    const el = document.querySelector("[data-archive-search]");
    const base = el ? el.getAttribute("data-base") : ".";
    return new URL((base || ".").replace(/\/?$/, "/"), location.href).href;
  }

  const engine = new Engine(siteBase());
  engine.load().catch(() => {});  // the first search then waits for the shards only
  window.archiveSearch = {
    search: (query, options) => engine.search(query, options),
    base: engine.base,  // the site root, for ui.js
    normalize,
    terms: queryTerms,
    docNumberKey,
    ready: true,
  };
  document.dispatchEvent(new CustomEvent("archive-search-ready"));
})();
