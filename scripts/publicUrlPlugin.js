/*
 * Points the emitted manifest.xml and functions.json at where the add-in is hosted. Sources always say the dev URL
 * (https://localhost:3000/, also in the functions' @helpurl JSDoc); a build with XVEGA_PUBLIC_URL set rewrites the
 * emitted copies, so one source tree serves both the dev server and a deployment.
 */
"use strict";
const { Compilation, WebpackError, sources } = require("webpack");

const DEV_URL = "https://localhost:3000/";
const PLUGIN_NAME = "PublicUrlPlugin";

/** The public base URL from the environment value: https only (Office refuses http), always ending in "/". */
function normalisePublicUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_URL;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`XVEGA_PUBLIC_URL "${value}" is not a URL: give e.g. https://addins.example.com/xvega/`);
  }
  if (url.protocol !== "https:") throw new Error(`XVEGA_PUBLIC_URL "${value}" must start with https:// (Office loads add-ins over https only)`);
  if (url.search !== "" || url.hash !== "") throw new Error(`XVEGA_PUBLIC_URL "${value}" must be a base URL without ?query or #fragment`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every occurrence of the dev base URL; the trailing "/" keeps https://localhost:30000 and the like intact. */
function replacePublicUrl(text, publicUrl) {
  return text.split(DEV_URL).join(publicUrl);
}

class PublicUrlPlugin {
  /** @param {{ publicUrl: string, files: string[] }} options emitted file names to rewrite */
  constructor(options) {
    this.publicUrl = options.publicUrl;
    this.files = options.files;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      // PRE_PROCESS runs after every plugin has added its assets (copy-webpack-plugin, custom-functions-metadata).
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_PRE_PROCESS }, () => {
        for (const file of this.files) {
          const asset = compilation.getAsset(file);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${file} was not emitted, so its URLs cannot be set`));
            continue;
          }
          if (this.publicUrl === DEV_URL) continue;
          const text = replacePublicUrl(asset.source.source().toString(), this.publicUrl);
          compilation.updateAsset(file, new sources.RawSource(text));
        }
      });
    });
  }
}

module.exports = { DEV_URL, PublicUrlPlugin, normalisePublicUrl, replacePublicUrl };
