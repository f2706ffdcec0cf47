/*
 * The built add-in (dist/, from `npm run build`, which `npm test` runs first): functions.json's help links land on
 * existing anchors, the pages load what the shared runtime needs under a strict CSP, the version is injected.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { normalisePublicUrl } from "../../scripts/publicUrlPlugin";
import { DIST, ROOT, contentSecurityPolicy, htmlIds, readDist, scripts } from "./distFiles";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const publicUrl = normalisePublicUrl(process.env.XVEGA_PUBLIC_URL);

interface FunctionsJson {
  functions: { id: string; name: string; helpUrl?: string }[];
}

describe("dist/functions.json and dist/help/functions.html", () => {
  const metadata = JSON.parse(readDist("functions.json")) as FunctionsJson;
  const helpPage = readDist("help/functions.html");

  test("lists the functions, each with a help link", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(expect.arrayContaining(["VEGA", "TWVEGA", "YEARS"]));
    for (const f of metadata.functions) expect(`${f.id}: ${f.helpUrl ?? "no @helpurl"}`).toMatch(/^\w+: https:\/\//);
  });

  test("every help link points at an anchor that exists on the help page", () => {
    const ids = htmlIds(helpPage);
    for (const f of metadata.functions) {
      const [page, anchor] = (f.helpUrl ?? "").split("#");
      expect(`${f.id} → ${page}`).toBe(`${f.id} → ${publicUrl}help/functions.html`);
      expect(`${f.id} → #${anchor ?? ""} ${ids.has(anchor ?? "") ? "exists" : "missing"}`).toBe(`${f.id} → #${anchor ?? ""} exists`);
    }
  });

  test("help page headings get ids by the documented rule", () => {
    expect([...htmlIds(helpPage)]).toEqual(expect.arrayContaining(["xvvega", "xvtwvega", "xvyears"]));
  });

  test("the help page's inline stylesheet is allowed by the hash in its CSP", () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(helpPage)?.[1] ?? "";
    const hash = crypto.createHash("sha256").update(style).digest("base64");
    expect(contentSecurityPolicy(helpPage).get("style-src")).toEqual([`'sha256-${hash}'`]);
    expect(scripts(helpPage)).toEqual([]);
  });
});

describe("dist/taskpane.html", () => {
  const html = readDist("taskpane.html");

  test("loads office.js from the Microsoft CDN, then the taskpane and functions bundles (shared runtime)", () => {
    const sources = scripts(html).map((script) => script.src);
    expect(sources[0]).toBe(OFFICE_JS);
    expect(sources).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
    for (const file of ["taskpane.js", "functions.js"]) expect(fs.existsSync(path.join(DIST, file))).toBe(true);
  });

  test("has a strict Content-Security-Policy and no inline script", () => {
    const policy = contentSecurityPolicy(html);
    // 'wasm-unsafe-eval' lets the page compile WebAssembly (the bundled eigen-solver kernels), never JavaScript eval.
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect([...policy.values()].flat().filter((source) => source.startsWith("'unsafe"))).toEqual([]);
    expect(scripts(html).filter((script) => script.inline || script.src === null)).toEqual([]);
  });

  test("links the function reference in a new window", () => {
    expect(html).toMatch(/<a\b[^>]*href=["']?help\/functions\.html["']?[^>]*target=["']?_blank/);
  });

  test("the pane bundle has the package version injected", () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const bundle = readDist("taskpane.js");
    expect(bundle).toContain(version); // folded into "Version 0.1.0" by the minifier
    expect(bundle).not.toContain("XVEGA_VERSION");
  });
});

describe("the rest of dist/", () => {
  test("commands.html loads office.js and the commands bundle", () => {
    expect(scripts(readDist("commands.html")).map((script) => script.src)).toEqual([OFFICE_JS, "commands.js"]);
  });

  test("the manifest is copied (rewritten only when XVEGA_PUBLIC_URL is set) and every file it names is built", () => {
    const manifest = readDist("manifest.xml");
    if (process.env.XVEGA_PUBLIC_URL === undefined) expect(manifest).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    const urls = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map((match) => match[1] ?? "");
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(publicUrl)).toBe(true);
      const file = url.slice(publicUrl.length);
      expect(`${file} ${fs.existsSync(path.join(DIST, file)) ? "built" : "missing"}`).toBe(`${file} built`);
    }
  });

  test("the sample workbook is published next to the icons", () => {
    expect(fs.statSync(path.join(DIST, "assets", "xvega-sample.xlsx")).size).toBeGreaterThan(1000);
  });
});
