// search-eval adapter (../shared/tools/search-eval, `--engine custom`) over the archive's own API.
// Run it on a real page of the site (`--page /`): the page's header box defines window.archiveSearch
// and loads the engine on first use, so the first query's bytes include the search scripts.
// Each query asks for every match (limit: Infinity, no excerpts: t_search), then, as the UI does, for
// the first 10 results with their excerpts (t_first5 in the harness's fields: query + 10 excerpts).
window.searchEvalAdapter = {
  async init() {
    return { api: typeof window.archiveSearch };
  },
  async query(q) {
    const t0 = performance.now();
    const r = await window.archiveSearch.search(q, { limit: Infinity, excerpts: 0 });
    const t1 = performance.now();
    await window.archiveSearch.search(q, { limit: 10 });
    const t2 = performance.now();
    return { urls: r.results.map((x) => "/" + x.url), n: r.total, t_search: t1 - t0, t_first5: t2 - t0 };
  },
};
