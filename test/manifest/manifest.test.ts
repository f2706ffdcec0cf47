/*
 * Structural checks of manifest.xml that `office-addin-manifest validate` would make online (it posts the manifest to
 * a Microsoft service, impossible offline), plus the shared-runtime rules of PLATFORM.md.
 */
import * as fs from "fs";
import * as path from "path";
import { DEV_URL } from "../../scripts/publicUrlPlugin";
import { FUNCTION_NAMESPACE } from "../../src/taskpane/functionList";
import { XmlElement, childrenNamed, descendants, onlyChild, parseXml, pathOf } from "./xmlTree";

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BASIC_TYPES_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** OfficeApp's child sequence in the schema (offappmanifest 1.1, TaskPaneApp); all but the listed required are optional. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const OFFICE_APP_REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "DefaultSettings", "Permissions"];

const manifest = parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
const all = [manifest, ...descendants(manifest)];
const resources = onlyChild(onlyChild(manifest, "VersionOverrides"), "Resources");

/** id → DefaultValue of every resource (bt:Image, bt:Url, bt:String). */
function resourceValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of descendants(resources)) {
    const id = element.attributes.id;
    if (id === undefined) continue;
    if (values.has(id)) throw new Error(`resource id ${id} is defined twice`);
    values.set(id, element.attributes.DefaultValue ?? "");
  }
  return values;
}

function resid(element: XmlElement): string {
  const value = element.attributes.resid;
  if (value === undefined) throw new Error(`${pathOf(element)} has no resid`);
  return value;
}

function elementsNamed(local: string): XmlElement[] {
  return all.filter((element) => element.local === local);
}

function extensionPoint(type: string): XmlElement {
  const found = elementsNamed("ExtensionPoint").filter((element) => element.attributes["xsi:type"] === type);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ExtensionPoint of type ${type}, found ${found.length}`);
  return found[0];
}

/** Every URL in the manifest: attribute values and element texts that look like one. */
function allUrls(): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const element of all) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !name.startsWith("xmlns")) urls.push({ where: `${pathOf(element)}@${name}`, url: value });
    }
    const text = element.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push({ where: pathOf(element), url: text });
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** assets/ file behind an https://localhost:3000/assets/… URL. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, "assets", url.slice(`${DEV_URL}assets/`.length));
}

describe("manifest.xml", () => {
  test("is a TaskPaneApp for Excel workbooks in the add-in manifest namespace", () => {
    expect(manifest.local).toBe("OfficeApp");
    expect(manifest.uri).toBe(OFFICE_APP_NS);
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(childrenNamed(onlyChild(manifest, "Hosts"), "Host").map((host) => host.attributes.Name)).toEqual(["Workbook"]);
  });

  test("OfficeApp's children come in the order the schema demands, required ones present", () => {
    const names = manifest.children.map((child) => child.local);
    for (const name of names) expect(OFFICE_APP_ORDER).toContain(name);
    const positions = names.map((name) => OFFICE_APP_ORDER.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
    for (const name of OFFICE_APP_REQUIRED) expect(names).toContain(name);
  });

  test("has a GUID id, xvega names and a four-part version matching package.json", () => {
    expect(onlyChild(manifest, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(onlyChild(manifest, "ProviderName").text.trim()).toBe("xvega");
    expect(onlyChild(manifest, "DisplayName").attributes.DefaultValue).toBe("xvega");
    const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(onlyChild(manifest, "Version").text.trim()).toBe(`${packageVersion}.0`);
  });

  test("asks for ReadWriteDocument and the SharedRuntime 1.1 requirement set", () => {
    expect(onlyChild(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const sets = childrenNamed(onlyChild(onlyChild(manifest, "Requirements"), "Sets"), "Set");
    expect(sets.map((set) => set.attributes)).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
  });

  test("every resid is defined, and every resource is used", () => {
    const defined = resourceValues();
    const referenced = new Set(all.filter((element) => element.attributes.resid !== undefined).map(resid));
    for (const id of referenced) expect(defined.has(id) ? id : `${id} (undefined)`).toBe(id);
    for (const id of defined.keys()) expect(referenced.has(id) ? id : `${id} (unused)`).toBe(id);
  });

  test("shared runtime: Runtime, custom functions Page, FunctionFile and the pane all use Taskpane.Url", () => {
    const runtimes = elementsNamed("Runtime");
    expect(runtimes.map((runtime) => [resid(runtime), runtime.attributes.lifetime])).toEqual([["Taskpane.Url", "long"]]);
    const page = onlyChild(onlyChild(extensionPoint("CustomFunctions"), "Page"), "SourceLocation");
    expect(resid(page)).toBe("Taskpane.Url");
    expect(elementsNamed("FunctionFile").map(resid)).toEqual(["Taskpane.Url"]);
    const showTaskpane = elementsNamed("Action").filter((action) => action.attributes["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane.map((action) => resid(onlyChild(action, "SourceLocation")))).toEqual(["Taskpane.Url"]);
  });

  test("custom functions: namespace XV, metadata functions.json, script functions.js", () => {
    const values = resourceValues();
    const extension = extensionPoint("CustomFunctions");
    expect(values.get(resid(onlyChild(extension, "Namespace")))).toBe(FUNCTION_NAMESPACE);
    expect(FUNCTION_NAMESPACE).toBe("XV");
    expect(values.get(resid(onlyChild(onlyChild(extension, "Metadata"), "SourceLocation")))).toBe(`${DEV_URL}functions.json`);
    expect(values.get(resid(onlyChild(onlyChild(extension, "Script"), "SourceLocation")))).toBe(`${DEV_URL}functions.js`);
    expect(values.get("Taskpane.Url")).toBe(`${DEV_URL}taskpane.html`);
    expect(onlyChild(onlyChild(manifest, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toBe(`${DEV_URL}taskpane.html`);
  });

  test("the ribbon button on the Home tab opens the task pane", () => {
    const tab = onlyChild(extensionPoint("PrimaryCommandSurface"), "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const values = resourceValues();
    const group = onlyChild(tab, "Group");
    expect(values.get(resid(onlyChild(group, "Label")))).toBe("xvega");
    const button = onlyChild(group, "Control");
    expect(button.attributes["xsi:type"]).toBe("Button");
    expect(values.get(resid(onlyChild(button, "Label")))).toBe("Correlations & hedge");
    expect(onlyChild(button, "Action").attributes["xsi:type"]).toBe("ShowTaskpane");
  });

  test("every URL is https and under the dev base URL, so a production build can rewrite them all", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const { where, url } of urls) expect(`${where} ${url}`).toBe(`${where} ${url.startsWith(DEV_URL) ? url : `${DEV_URL}…`}`);
  });

  test("every icon exists in assets/ as a PNG of the declared size", () => {
    const values = resourceValues();
    const icons: { url: string; size: number }[] = [
      { url: onlyChild(manifest, "IconUrl").attributes.DefaultValue ?? "", size: 32 },
      { url: onlyChild(manifest, "HighResolutionIconUrl").attributes.DefaultValue ?? "", size: 64 },
    ];
    for (const image of all.filter((element) => element.local === "Image" && element.uri === BASIC_TYPES_NS && element.attributes.size)) {
      icons.push({ url: values.get(resid(image)) ?? "", size: Number(image.attributes.size) });
    }
    expect(icons.length).toBeGreaterThan(2);
    for (const { url, size } of icons) expect({ url, ...pngSize(assetFile(url)) }).toEqual({ url, width: size, height: size });
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test("strings fit the schema's limits (short 125, long 250 characters)", () => {
    const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
    for (const group of childrenNamed(resources, "ShortStrings").concat(childrenNamed(resources, "LongStrings"))) {
      for (const entry of group.children) expect((entry.attributes.DefaultValue ?? "").length).toBeLessThanOrEqual(limits[group.local] ?? 0);
    }
  });
});
