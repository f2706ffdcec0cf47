/*
 * Preloaded into a child process by streamBenchmark.ts (`node --require childUsage.js ...`): when the child exits, its
 * peak resident memory (maxRSS) and CPU times are written as JSON to the file named by XVEGA_BENCH_USAGE_FILE. The
 * parent measures wall time itself; this gives it what only the child knows, without /usr/bin/time.
 */
import { writeFileSync } from "node:fs";

const usageFile = process.env.XVEGA_BENCH_USAGE_FILE;
if (usageFile !== undefined && usageFile !== "") {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(usageFile, JSON.stringify({ maxRssKilobytes: usage.maxRSS, userMicroseconds: usage.userCPUTime, systemMicroseconds: usage.systemCPUTime }));
  });
}
