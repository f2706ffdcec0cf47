/*
 * A small namespace-aware element tree over saxes (a conformant, strict XML parser that comes with exceljs), so the
 * manifest tests can ask structural questions without regular expressions over XML.
 */
import { SaxesParser, SaxesTagNS } from "saxes";

export interface XmlElement {
  /** Local name, without prefix: "Image" for <bt:Image>. */
  local: string;
  /** Namespace URI. */
  uri: string;
  /** Attribute values by qualified name as written ("xsi:type", "DefaultValue"). */
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

/** Parses a document; throws on any well-formedness or namespace error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1] ?? null;
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]));
    const element: XmlElement = { local: tag.local, uri: tag.uri, attributes, children: [], text: "", parent };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element below (not including) `element`, document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** Direct children with that local name. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local);
}

/** The only direct child with that local name; throws if there is not exactly one. */
export function onlyChild(element: XmlElement, local: string): XmlElement {
  const found = childrenNamed(element, local);
  if (found.length !== 1 || !found[0]) throw new Error(`<${element.local}> has ${found.length} <${local}> children, expected 1`);
  return found[0];
}

/** Path of local names from the root, for readable failure messages: "OfficeApp/VersionOverrides/…". */
export function pathOf(element: XmlElement): string {
  return element.parent ? `${pathOf(element.parent)}/${element.local}` : element.local;
}
