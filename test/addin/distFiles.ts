/* Access to the built add-in in dist/ for the tests that check it (npm test builds it before Jest runs). */
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/** Text of a file in dist/, with a message that says how to produce it when it is missing. */
export function readDist(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) {
    throw new Error(`dist/${file} does not exist: run \`npm run build\` first (\`npm test\` builds before running Jest).`);
  }
  return fs.readFileSync(full, "utf8");
}

/** Values of every id attribute in an HTML document, quoted or not (the minifier drops quotes). */
export function htmlIds(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? ""));
}

/** Every <script> element: its src (or null) and whether it has inline code. */
export function scripts(html: string): { src: string | null; inline: boolean }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((match) => {
    const src = /\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(match[1] ?? "");
    return { src: src ? (src[1] ?? src[2] ?? src[3] ?? "") : null, inline: (match[2] ?? "").trim() !== "" };
  });
}

/** The content of the Content-Security-Policy meta tag, parsed into directive → sources. */
export function contentSecurityPolicy(html: string): Map<string, string[]> {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  const policy = new Map<string, string[]>();
  for (const directive of (content?.[1] ?? content?.[2] ?? "").split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}
