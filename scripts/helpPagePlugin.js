/*
 * Renders docs/functions.md to help/functions.html, the page every function's @helpurl points at
 * (https://…/help/functions.html#xvvega). Heading ids follow one rule, so "## XV.VEGA" is #xvvega: keep the JSDoc
 * @helpurl anchors and the markdown headings in step (test/addin checks every anchor exists).
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

/** Markdown → a standalone HTML page with its stylesheet inline, allowed by hash in a CSP that permits nothing else. */
async function renderHelpPage(markdown) {
  // marked is ESM-only: a dynamic import keeps this file loadable with require() (webpack config, jest).
  const { Marked } = await import("marked");
  const usedIds = new Map();
  let title = DEFAULT_TITLE;
  const marked = new Marked({
    gfm: true,
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
  return `<!doctype html>
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
        let markdown;
        try {
          markdown = await fs.promises.readFile(this.markdownFile, "utf8");
        } catch (error) {
          // Watched even when missing, so creating the file rebuilds the page.
          compilation.missingDependencies.add(this.markdownFile);
          compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: cannot read ${this.markdownFile} (${error.code ?? error.message})`));
          return;
        }
        // The dev server rebuilds the page whenever the markdown changes.
        compilation.fileDependencies.add(this.markdownFile);
        // minimized: true keeps webpack's HTML/CSS minimizer away: rewriting the <style> would break its CSP hash.
        compilation.emitAsset(this.outputFile, new sources.RawSource(await renderHelpPage(markdown)), { minimized: true });
      });
    });
  }
}

module.exports = { HelpPagePlugin, headingId, renderHelpPage };
