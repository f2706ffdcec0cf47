// Types for the tests (scripts/ is plain CommonJS so webpack.config.js can require it without a build step).
import type { Compiler } from "webpack";

export declare const DEV_URL: string;
export declare function normalisePublicUrl(value: string | undefined): string;
export declare function replacePublicUrl(text: string, publicUrl: string): string;
export declare class PublicUrlPlugin {
  constructor(options: { publicUrl: string; files: string[] });
  apply(compiler: Compiler): void;
}
