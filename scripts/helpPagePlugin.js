/*
 * Renders docs/functions.md to help/functions.html, the page every function's @helpurl points at
 * (https://…/help/functions.html#xvvega), and every markdown page it links to in the same folder (docs/cli.md →
 * help/cli.html), and theirs in turn. Heading ids follow one rule, so "## XV.VEGA" is #xvvega: keep the JSDoc
 * @helpurl anchors and the markdown headings in step (test/addin checks every anchor exists).
 *
 * Links are rewritten so that the markdown reads right on GitHub and the pages work when served: `cli.md` and
 * `./cli.md#xvega-hedge` become `cli.html` and `cli.html#xvegahedge`, and `#xvega-hedge` becomes `#xvegahedge`
 * (GitHub's anchor for a heading, put through the same rule, is ours).
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "HelpPagePlugin";
const DEFAULT_TITLE = "xvega function reference";

/** Heading text → id: lowercase, every non-alphanumeric removed ("XV.VEGA" → "xvvega"). */
function headingId(text) {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "") || "section";
}

const STYLESHEET = `
:root { color-scheme: light; --blue: #0f6cbd; --text: #242424; --muted: #616161; --line: #e0e0e0; --tint: #ebf3fc; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; color: var(--text); }
main { max-width: 52rem; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
h2 { font-size: 20px; font-weight: 600; margin: 32px -8px 8px; padding: 8px; border-top: 1px solid var(--line); }
h2:target { background: var(--tint); border-radius: 4px; }
h3 { font-size: 16px; font-weight: 600; margin: 24px 0 8px; }
a { color: var(--blue); }
a:focus-visible { outline: 2px solid var(--blue); outline-offset: 2px; }
code, pre { font-family: Consolas, "Cascadia Mono", Menlo, monospace; font-size: 13px; }
code { background: #f5f5f5; padding: 0 4px; border-radius: 4px; }
pre { background: #f5f5f5; padding: 8px 16px; border-radius: 4px; overflow-x: auto; }
pre code { padding: 0; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #fafafa; font-weight: 600; }
blockquote { margin: 8px 0; padding: 0 16px; border-left: 4px solid var(--line); color: var(--muted); }
`.trim();

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A link to a markdown page in the same folder ("cli.md", "./functions.md#xvvega"): the page's name and the anchor. */
const SIBLING_PAGE_LINK = /^(?:\.\/)?([A-Za-z0-9][\w-]*)\.md(?:#(.*))?$/;

/** The page name a link points at when it is to a markdown page in the same folder, else null. */
function siblingPage(href) {
  const match = SIBLING_PAGE_LINK.exec(href);
  return match ? match[1] : null;
}

/**
 * A link as the served pages need it: a sibling markdown page → its .html page, and any anchor → the heading id rule.
 * Other links (https:, mailto:, ../README.md, images) are left as they are.
 */
function rewriteLink(href) {
  if (href.startsWith("#")) return `#${anchorId(href.slice(1))}`;
  const match = SIBLING_PAGE_LINK.exec(href);
  if (!match) return href;
  const anchor = match[2] ? `#${anchorId(match[2])}` : "";
  return `${match[1]}.html${anchor}`;
}

/** A link's anchor (percent-encoded or not) → the id of the heading it means. */
function anchorId(anchor) {
  let text = anchor;
  try {
    text = decodeURIComponent(anchor);
  } catch {
    // A stray % is just a character.
  }
  return headingId(text);
}

/** Markdown → { html: a standalone page (see renderHelpPage), linkedPages: names of the sibling markdown pages it links to }. */
async function renderPage(markdown) {
  // marked is ESM-only: a dynamic import keeps this file loadable with require() (webpack config, jest).
  const { Marked } = await import("marked");
  const usedIds = new Map();
  const linkedPages = new Set();
  let title = DEFAULT_TITLE;
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type !== "link") return;
      const page = siblingPage(token.href);
      if (page !== null) linkedPages.add(page);
      token.href = rewriteLink(token.href);
    },
    renderer: {
      heading({ tokens, depth, text }) {
        const base = headingId(text);
        const seen = usedIds.get(base) ?? 0;
        usedIds.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        if (depth === 1 && title === DEFAULT_TITLE) title = text;
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = await marked.parse(markdown);
  const styleHash = crypto.createHash("sha256").update(STYLESHEET).digest("base64");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(title)}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
  return { html, linkedPages: [...linkedPages] };
}

/** Markdown → a standalone HTML page with its stylesheet inline, allowed by hash in a CSP that permits nothing else. */
async function renderHelpPage(markdown) {
  return (await renderPage(markdown)).html;
}

class HelpPagePlugin {
  /** @param {{ markdownFile: string, outputFile: string }} options markdown source, emitted file name */
  constructor(options) {
    this.markdownFile = path.resolve(options.markdownFile);
    this.outputFile = options.outputFile;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const markdownFolder = path.dirname(this.markdownFile);
        const outputFolder = path.posix.dirname(this.outputFile);
        // Breadth-first over the links, each page once: functions.md, then cli.md, then what cli.md links to.
        const queue = [{ markdownFile: this.markdownFile, outputFile: this.outputFile, linkedFrom: null }];
        const seen = new Set([this.markdownFile]);
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const { markdownFile, outputFile, linkedFrom } = next;
          let markdown;
          try {
            markdown = await fs.promises.readFile(markdownFile, "utf8");
          } catch (error) {
            // Watched even when missing, so creating the file rebuilds the page.
            compilation.missingDependencies.add(markdownFile);
            const reason = linkedFrom === null ? "" : `, linked from ${linkedFrom}`;
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: cannot read ${markdownFile}${reason} (${error.code ?? error.message})`));
            continue;
          }
          // The dev server rebuilds the pages whenever the markdown changes.
          compilation.fileDependencies.add(markdownFile);
          const { html, linkedPages } = await renderPage(markdown);
          // minimized: true keeps webpack's HTML/CSS minimizer away: rewriting the <style> would break its CSP hash.
          compilation.emitAsset(outputFile, new sources.RawSource(html), { minimized: true });
          for (const page of linkedPages) {
            const linkedFile = path.join(markdownFolder, `${page}.md`);
            if (seen.has(linkedFile)) continue;
            seen.add(linkedFile);
            queue.push({ markdownFile: linkedFile, outputFile: path.posix.join(outputFolder, `${page}.html`), linkedFrom: markdownFile });
          }
        }
      });
    });
  }
}

module.exports = { HelpPagePlugin, headingId, renderHelpPage, renderPage, rewriteLink };
