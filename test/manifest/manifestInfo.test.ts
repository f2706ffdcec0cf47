/*
 * office-addin-manifest's own parser accepts manifest.xml. `info` runs offline (`validate` needs a Microsoft web
 * service).
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

test("office-addin-manifest info manifest.xml succeeds and reads the add-in's identity", () => {
  const cli = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-manifest.cmd" : "office-addin-manifest");
  const result = spawnSync(cli, ["info", "manifest.xml"], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
    timeout: 60_000,
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("Name: xvega");
  expect(result.stdout).toContain("Type: TaskPaneApp");
  expect(result.stdout).toContain("Permissions: ReadWriteDocument");
}, 60_000);
