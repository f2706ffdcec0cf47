/*
 * XVEGA_PUBLIC_URL: the emitted manifest.xml and functions.json point at the deployment instead of the dev server.
 * The rule is unit-tested; one real production build into a temporary folder checks the plugin sees both files.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEV_URL, normalisePublicUrl, replacePublicUrl } from "../../scripts/publicUrlPlugin";

const ROOT = path.resolve(__dirname, "..", "..");

describe("normalisePublicUrl", () => {
  test("defaults to the dev server", () => {
    expect(normalisePublicUrl(undefined)).toBe(DEV_URL);
    expect(normalisePublicUrl("  ")).toBe(DEV_URL);
    expect(DEV_URL).toBe("https://localhost:3000/");
  });
  test("adds the trailing slash a base URL needs", () => {
    expect(normalisePublicUrl("https://addins.example.com/xvega")).toBe("https://addins.example.com/xvega/");
    expect(normalisePublicUrl("https://addins.example.com")).toBe("https://addins.example.com/");
  });
  test("refuses http, non-URLs and URLs with a query, naming the value", () => {
    expect(() => normalisePublicUrl("http://addins.example.com/")).toThrow('"http://addins.example.com/" must start with https://');
    expect(() => normalisePublicUrl("addins.example.com")).toThrow('"addins.example.com" is not a URL');
    expect(() => normalisePublicUrl("https://example.com/?v=1")).toThrow("without ?query");
  });
});

describe("replacePublicUrl", () => {
  test("rewrites every dev URL and leaves look-alikes alone", () => {
    const text = '<a DefaultValue="https://localhost:3000/taskpane.html"/> "https://localhost:3000/help/functions.html#xvvega" https://localhost:30000/x';
    expect(replacePublicUrl(text, "https://cdn.example.com/xv/")).toBe(
      '<a DefaultValue="https://cdn.example.com/xv/taskpane.html"/> "https://cdn.example.com/xv/help/functions.html#xvvega" https://localhost:30000/x',
    );
  });
});

describe("a production build with XVEGA_PUBLIC_URL", () => {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "xvega-public-url-"));
  afterAll(() => fs.rmSync(outputPath, { recursive: true, force: true }));

  function build(publicUrl: string) {
    return spawnSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", outputPath], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, XVEGA_PUBLIC_URL: publicUrl },
      timeout: 120_000,
    });
  }

  test("rewrites the manifest and the functions' help links, and nothing points at localhost any more", () => {
    const result = build("https://addins.example.com/xvega");
    expect(result.status).toBe(0);
    const manifest = fs.readFileSync(path.join(outputPath, "manifest.xml"), "utf8");
    const functionsJson = fs.readFileSync(path.join(outputPath, "functions.json"), "utf8");
    for (const text of [manifest, functionsJson]) {
      expect(text).not.toContain("localhost");
      expect(text).toContain("https://addins.example.com/xvega/");
    }
    expect(manifest).toContain('DefaultValue="https://addins.example.com/xvega/taskpane.html"');
    const helpUrls = (JSON.parse(functionsJson) as { functions: { helpUrl?: string }[] }).functions.map((f) => f.helpUrl);
    for (const url of helpUrls) expect(url).toMatch(/^https:\/\/addins\.example\.com\/xvega\/help\/functions\.html#xv[a-z]+$/);
  }, 120_000);

  test("fails the build with a clear message for an http URL", () => {
    const result = build("http://addins.example.com/");
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("must start with https://");
  }, 120_000);
});
