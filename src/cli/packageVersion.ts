/*
 * The version printed by `xvega --version`: the one in the package.json of the xvega package this file belongs to,
 * found by walking up from here, so that it is the same from src/cli (tests) and from build/node/src/cli (installed).
 */
import { readFileSync } from "fs";
import { dirname, join } from "path";

const PACKAGE_NAME = "xvega";

/** The xvega package's version, or "unknown" when its package.json cannot be found above `startDirectory`. */
export function packageVersion(startDirectory: string = __dirname): string {
  let directory = startDirectory;
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No package.json here (or not JSON): keep walking up.
    }
    const parent = dirname(directory);
    if (parent === directory) return "unknown";
    directory = parent;
  }
}
