/*
 * docs/cli.md, the command-line reference: its example runs are real (each `$ npx xvega …` is run and must print what
 * the page shows), and it renders as the served help page help/cli.html, linked from help/functions.html.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { fixture, runXvegaAsync } from "./runXvega";

const ROOT = join(__dirname, "..", "..");
const CLI_DOC = join(ROOT, "docs", "cli.md");

/** Files the examples use without showing them with `$ cat`. */
const UNSHOWN_FILES: Record<string, string> = {
  "dvol.csv": readFileSync(fixture("volcorr-history.csv"), "utf8"),
  "corr99.csv": readFileSync(fixture("hedge-corr-collinear.csv"), "utf8"),
  "badbook.csv": 'trade,asset,vega\nT1,ALT,6000\nT2,ALT,"4,000"\n',
};

interface Session {
  heading: string;
  lines: string[];
}

/** Code blocks holding `$ ` prompts, with the section they are in. */
function sessions(markdown: string): Session[] {
  const found: Session[] = [];
  let heading = "";
  let block: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (block === null && line.startsWith("## ")) heading = line.slice(3);
    if (line.startsWith("```")) {
      if (block === null) block = [];
      else {
        if (block.some((entry) => entry.startsWith("$ "))) found.push({ heading, lines: block });
        block = null;
      }
      continue;
    }
    block?.push(line);
  }
  return found;
}

describe("docs/cli.md example runs", () => {
  const files: Record<string, string> = { ...UNSHOWN_FILES };
  const all = sessions(readFileSync(CLI_DOC, "utf8"));

  it("has examples for every command: iv, greeks, hedge, nearcorr, volcorr, backtest, stress and check", () => {
    expect(new Set(all.map((session) => session.heading))).toEqual(
      new Set(["xvega iv", "xvega greeks", "xvega volcorr", "xvega nearcorr", "xvega hedge", "xvega backtest", "xvega stress", "xvega check"]),
    );
  });

  // One test per block, in page order: a block may read what an earlier one wrote (estimate.csv).
  it.each(all.map((session, index) => [`${session.heading} #${index + 1}`, session] as const))("%s prints what the page shows", async (_, session) => {
    let lastStatus: number | null = null;
    let index = 0;
    while (index < session.lines.length) {
      const command = (session.lines[index] ?? "").slice(2);
      const output: string[] = [];
      for (index++; index < session.lines.length && !(session.lines[index] ?? "").startsWith("$ "); index++) output.push(session.lines[index] ?? "");
      const shown = output.length === 0 ? "" : `${output.join("\n")}\n`;
      if (command.startsWith("cat ")) {
        files[command.slice(4)] = shown;
      } else if (command === "echo $?") {
        expect(`${lastStatus}\n`).toBe(shown);
      } else {
        expect(command).toMatch(/^npx xvega /);
        const [argumentText = "", redirect] = command.slice("npx xvega ".length).split(" > ");
        const run = await runXvegaAsync(argumentText.split(" "), files);
        lastStatus = run.status;
        if (redirect === undefined) {
          expect(run.stdout + run.stderr).toBe(shown);
        } else {
          files[redirect] = run.stdout;
          expect(run.stderr).toBe(shown);
        }
        if (!session.lines.includes("$ echo $?")) expect(`${command}: exit ${run.status}`).toBe(`${command}: exit 0`);
      }
    }
  });
});

interface RenderedPage {
  html: string;
  linkedPages: string[];
}

/** Renders markdown with scripts/helpPagePlugin.js in a child process (marked is ESM-only, which Jest cannot import). */
function renderWithPlugin(markdownFile: string): RenderedPage {
  const script = `require("./scripts/helpPagePlugin").renderPage(require("fs").readFileSync(${JSON.stringify(markdownFile)}, "utf8"))
    .then((page) => process.stdout.write(JSON.stringify(page)))`;
  const result = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
  if (result.status !== 0) throw new Error(`rendering ${markdownFile} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as RenderedPage;
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? ""));
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1] ?? "");
}

describe("docs/cli.md as the help page help/cli.html", () => {
  const cli = renderWithPlugin(CLI_DOC);
  const functions = renderWithPlugin(join(ROOT, "docs", "functions.md"));

  it("gets an id per subcommand section by the heading rule", () => {
    expect([...ids(cli.html)]).toEqual(expect.arrayContaining(["xvegavega", "xvegavolcorr", "xveganearcorr", "xvegahedge", "xvegabacktest", "xvegastress", "xvegacheck"]));
  });

  it("is linked from the function reference as cli.html, so the plugin renders it too", () => {
    expect(functions.linkedPages).toContain("cli");
    expect(hrefs(functions.html)).toContain("cli.html");
    expect(hrefs(functions.html).filter((href) => href.endsWith(".md"))).toEqual([]);
  });

  it("links only to pages and anchors that exist", () => {
    const pages: Record<string, RenderedPage> = { "cli.html": cli, "functions.html": functions };
    for (const [name, page] of Object.entries(pages)) {
      for (const href of hrefs(page.html)) {
        if (/^[a-z]+:/.test(href)) continue;
        const [target = "", anchor] = href.split("#");
        const targetPage = target === "" ? page : pages[target];
        expect(`${name} → ${href}: ${targetPage ? "page exists" : "no such page"}`).toBe(`${name} → ${href}: page exists`);
        if (targetPage && anchor !== undefined) {
          expect(`${name} → ${href}: ${ids(targetPage.html).has(anchor) ? "anchor exists" : "no such anchor"}`).toBe(`${name} → ${href}: anchor exists`);
        }
      }
    }
  });
});
