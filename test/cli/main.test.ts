import { readFileSync } from "fs";
import { join } from "path";
import { SUBCOMMANDS, runCli } from "../../src/cli/main";
import { fixture, runXvega } from "./runXvega";

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

describe("xvega (no subcommand)", () => {
  it.each([["--help"], ["-h"]])("%s prints the subcommands on stdout and exits 0", (flag) => {
    const run = runXvega([flag]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^usage: xvega <subcommand>/);
    for (const command of SUBCOMMANDS) expect(run.stdout).toMatch(new RegExp(`\n  ${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`));
  });

  it("--version prints the package version", () => {
    expect(runXvega(["--version"])).toEqual({ status: 0, stdout: `${PACKAGE_VERSION}\n`, stderr: "" });
  });

  it.each([
    [[], "xvega: no subcommand given"],
    [["hedges"], 'xvega: unknown subcommand "hedges" (subcommands: vega, iv, greeks, volcorr, nearcorr, hedge, backtest, stress, check)'],
    [["--verbose", "vega", "x.csv"], "xvega: unknown option '--verbose'"],
    [["--version=2"], "xvega: option '--version' does not take an argument"],
    [["--version", "--version"], "xvega: option --version is given twice (--version, then --version): give it once"],
  ])("%j is unusable: exit 1, one line and the usage on stderr", (argv, firstLine) => {
    const run = runXvega(argv);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe(firstLine);
    expect(lines[1]).toBe("usage: xvega <subcommand> [arguments] [options]");
  });

  it("reports a file that cannot be read for any reason as unusable input, with the reason", () => {
    const run = runXvega(["vega", "boom.csv"], {
      get "boom.csv"(): string {
        throw new Error("disk on fire");
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("xvega vega: cannot read boom.csv: disk on fire");
  });

  it("reports a bug as an internal error with exit status 1, not as a stack trace", () => {
    let stderr = "";
    const status = runCli(["vega", fixture("golden-legs.csv")], {
      stdout: () => {
        throw new Error("stdout closed");
      },
      stderr: (text) => {
        stderr += text;
      },
      readFile: (path) => readFileSync(path, "utf8"),
    });
    expect(status).toBe(1);
    expect(stderr).toBe("xvega: internal error (please report it with the command and file): stdout closed\n");
  });
});

describe.each(SUBCOMMANDS.map((command) => [command.name, command] as const))("every subcommand: %s", (name, command) => {
  it("--help prints its usage, every option and exits 0, even beside other options", () => {
    for (const argv of [[name, "--help"], [name, "-h"], [name, "--help", "--format", "json"]]) {
      const run = runXvega(argv);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout.startsWith(`usage: xvega ${name} `)).toBe(true);
      for (const option of Object.keys(command.options)) expect(run.stdout).toContain(`--${option}`);
    }
  });

  it("says in its help what each exit status means", () => {
    const help = runXvega([name, "--help"]).stdout;
    expect(help).toMatch(/Exit status: 0 [^]*; 2 [^]*;\s+1 unusable input/);
  });

  it("rejects an option given twice with exit 1, naming it and both values, rather than taking the last (issue 8 item 14)", () => {
    const run = runXvega([name, fixture("golden-legs.csv"), "--format", "csv", "--format=json"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(`xvega ${name}: option --format is given twice (--format csv, then --format json): give it once`);
  });

  it("rejects an unknown option with exit 1, naming it", () => {
    const run = runXvega([name, fixture("golden-legs.csv"), "--no-such-option"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(`xvega ${name}: unknown option '--no-such-option'`);
  });
});
