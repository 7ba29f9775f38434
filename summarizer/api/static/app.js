// The timeline page: filters that apply on change, evidence read in its article, the summarize form.
// No framework, no network beyond this service; text is always set with textContent, never as HTML.
(() => {
  "use strict";
  const T = JSON.parse(document.getElementById("ui-strings").textContent);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  };
  const apiKey = () => (document.querySelector("[data-summarize-key]")?.value || "").trim();
  const headers = (extra = {}) => {
    const key = apiKey();
    return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
  };
  const errorText = async (response) => {
    try {
      const body = await response.json();
      const e = body.error;
      const fields = (e.fields || []).map((f) => `${f.field}: ${f.message}`).join("; ");
      return `${response.status} ${e.message}${fields ? ` (${fields})` : ""}`;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  };

  // ---- filters: picking a governorate shows it at once
  const filters = document.querySelector("[data-filters]");
  document.querySelector("[data-region-select]")?.addEventListener("change", () => filters.submit());
  document.querySelector("[data-status-select]")?.addEventListener("change", () => filters.submit());

  // ---- evidence: the quote highlighted inside its article
  const panel = document.querySelector("[data-article-panel]");
  const textBox = panel.querySelector("[data-article-text]");
  const title = panel.querySelector("[data-article-title]");
  const meta = panel.querySelector("[data-article-meta]");
  const articles = new Map();

  async function article(id) {
    if (!articles.has(id)) {
      const response = await fetch(`/articles/${encodeURIComponent(id)}`, { headers: headers() });
      if (!response.ok) throw new Error(await errorText(response));
      articles.set(id, await response.json());
    }
    return articles.get(id);
  }

  async function showEvidence(button) {
    const quote = button.dataset.quote;
    title.textContent = T.article;
    meta.textContent = T.loading;
    textBox.replaceChildren();
    if (!panel.open) panel.showModal();
    let a;
    try {
      a = await article(button.dataset.articleId);
    } catch (err) {
      meta.textContent = String(err.message || err);
      return;
    }
    title.textContent = a.title || a.source || a.id;
    meta.textContent = [a.source, a.published_at, a.id].filter(Boolean).join(" · ");
    textBox.lang = a.language;
    textBox.dir = a.language === "ar" ? "rtl" : "ltr";
    const at = a.text.indexOf(quote);
    if (at < 0) {
      textBox.append(el("p", { className: "notice", textContent: T.quote_not_found }), a.text);
      return;
    }
    const mark = el("mark", { textContent: quote });
    mark.dataset.quoteHighlight = "";
    textBox.append(a.text.slice(0, at), mark, a.text.slice(at + quote.length));
    mark.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-evidence]");
    if (button) showEvidence(button);
  });
  panel.querySelector("[data-article-close]").addEventListener("click", () => panel.close());
  panel.addEventListener("click", (event) => {
    if (event.target === panel) panel.close(); // a click on the backdrop
  });

  // ---- summarize: paste articles, get the summary back
  const form = document.querySelector("[data-summarize-form]");
  const result = document.querySelector("[data-summarize-result]");

  function renderSummary(body) {
    const out = [];
    for (const g of body.groups) {
      const label = g.topic.label[document.body.dataset.lang] || g.topic.label.ar || g.topic.label.en || "";
      const group = el("article", { className: "group" }, el("h3", {}, el("bdi", { textContent: g.day }), ` · ${label}`));
      for (const lang of ["ar", "en"]) {
        const s = g.summary[lang];
        if (!s) {
          const why = (g.summary.unavailable || {})[lang];
          if (why) group.append(el("p", { className: "hint", textContent: `${lang}: ${T.not_available}: ${why}` }));
          continue;
        }
        const box = el("div", { className: "lang-summary", lang, dir: lang === "ar" ? "rtl" : "ltr" });
        box.append(el("h4", { textContent: s.headline }));
        const list = el("ul");
        for (const b of s.bullets) {
          const quotes = b.evidence.map((e) => el("q", { textContent: e.quote, dir: "auto" }));
          list.append(el("li", {}, b.text, el("div", { className: "quotes" }, ...quotes)));
        }
        box.append(list);
        group.append(box);
      }
      group.append(el("p", { className: "hint", textContent: `${T.events}: ${g.events.length}` }));
      out.push(group);
    }
    const flags = body.meta.flags || [];
    if (flags.length) {
      out.push(el("ul", { className: "flags" }, ...flags.map((f) => el("li", { textContent: `${f.kind}: ${f.message}` }))));
    }
    out.push(el("p", {}, el("a", { href: window.location.href, textContent: T.title })));
    result.replaceChildren(...out);
    result.dataset.state = "done";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const published = String(data.get("published_at")).trim();
    const source = String(data.get("source") || "").trim();
    const texts = String(data.get("articles")).split(/^\s*---\s*$/m).map((s) => s.trim()).filter(Boolean);
    const payload = {
      articles: texts.map((text) => ({ text, published_at: published, ...(source ? { source } : {}) })),
      languages: data.getAll("languages"),
    };
    result.dataset.state = "working";
    result.replaceChildren(el("p", { className: "hint", textContent: T.working }));
    try {
      const response = await fetch("/summarize", {
        method: "POST",
        headers: headers({ "Content-Type": "application/json" }),
        body: JSON.stringify(payload),
      });
      if (!response.ok) {
        result.dataset.state = "error";
        result.replaceChildren(el("p", { className: "notice", role: "alert", textContent: await errorText(response) }));
        return;
      }
      renderSummary(await response.json());
    } catch (err) {
      result.dataset.state = "error";
      result.replaceChildren(el("p", { className: "notice", role: "alert", textContent: String(err) }));
    }
  });
})();
