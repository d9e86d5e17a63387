// A small, strict XML reader for the tests: elements, attributes, text, entities; throws on malformed input.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "<") throw new Error(`raw '<' in text or attribute near ${JSON.stringify(raw.slice(i, i + 20))}`);
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const end = raw.indexOf(";", i);
    if (end < 0) throw new Error(`unterminated entity in ${JSON.stringify(raw)}`);
    const name = raw.slice(i + 1, end);
    if (name.startsWith("#x")) out += String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith("#")) out += String.fromCodePoint(parseInt(name.slice(1), 10));
    else if (name in ENTITIES) out += ENTITIES[name];
    else throw new Error(`unknown entity &${name};`);
    i = end;
  }
  return out;
}

const isSpace = (ch: string | undefined): boolean => ch === " " || ch === "\n" || ch === "\t" || ch === "\r";
const isNameChar = (ch: string | undefined): boolean => ch !== undefined && !isSpace(ch) && ch !== "=" && ch !== ">" && ch !== "/" && ch !== "<" && ch !== '"';

export function parseXml(source: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const readName = (): string => {
    const start = i;
    while (isNameChar(source[i])) i++;
    if (i === start) throw new Error(`expected a name at ${i}`);
    return source.slice(start, i);
  };
  while (i < source.length) {
    const top = stack[stack.length - 1]!;
    if (source[i] !== "<") {
      const next = source.indexOf("<", i);
      const end = next < 0 ? source.length : next;
      top.text += decode(source.slice(i, end));
      i = end;
      continue;
    }
    if (source.startsWith("<?", i)) {
      i = source.indexOf("?>", i) + 2;
      continue;
    }
    if (source.startsWith("</", i)) {
      i += 2;
      const name = readName();
      if (source[i] !== ">") throw new Error(`expected '>' closing </${name}`);
      i++;
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    i++;
    const element: XmlElement = { name: readName(), attrs: {}, children: [], text: "" };
    for (;;) {
      while (isSpace(source[i])) i++;
      if (source[i] === "/" && source[i + 1] === ">") {
        i += 2;
        top.children.push(element);
        break;
      }
      if (source[i] === ">") {
        i++;
        top.children.push(element);
        stack.push(element);
        break;
      }
      const attr = readName();
      if (source[i] !== "=" || source[i + 1] !== '"') throw new Error(`attribute ${attr} needs ="..."`);
      const end = source.indexOf('"', i + 2);
      if (attr in element.attrs) throw new Error(`duplicate attribute ${attr}`);
      element.attrs[attr] = decode(source.slice(i + 2, end));
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error("expected one root element");
  return root.children[0]!;
}

// Every element with this name, depth first.
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => findAll(child, name))];
}
