// A receiving-side check of graph.graphml, without an XML library: the document must be well
// formed (every tag closed in order, only the five predefined entities and character
// references, no DTD — so no entity expansion), rooted in <graphml> with one <graph>, and every
// edge must join declared nodes, every <data> name a declared <key>. Returns the first problem.
const NAME = '[A-Za-z_][\\w.:-]*';
const TOKEN = new RegExp(
  `<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<!|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<`,
  'g',
);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

function checkText(text: string): string | null {
  const bad = /&(?!(?:lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.exec(text);
  return bad ? 'an "&" that is not a valid entity reference' : null;
}

function unescape(v: string): string {
  return v.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string),
  );
}

export function graphmlProblem(xml: string): string | null {
  const stack: string[] = [];
  const nodes = new Set<string>();
  const edges: [string, string][] = [];
  const keys = new Set<string>();
  const dataKeys: string[] = [];
  let graphs = 0;
  let root: string | null = null;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const between = xml.slice(last, m.index);
    last = TOKEN.lastIndex;
    if (checkText(between)) return `graph.graphml: ${checkText(between) as string}`;
    if (between.trim() !== '' && stack.length === 0) return 'graph.graphml: text outside the root element';
    const [token, closing, name, attrs, selfClosing] = m;
    if (token.startsWith('<?')) {
      if (!token.startsWith('<?xml') || m.index !== 0) return 'graph.graphml: a processing instruction is not allowed here';
      continue;
    }
    if (token.startsWith('<!--') || token.startsWith('<![CDATA[')) continue;
    if (name === undefined)
      return token === '<!' ? 'graph.graphml: a DTD or declaration is not allowed' : 'graph.graphml: a "<" that does not start a tag';
    if (closing) {
      if (stack.pop() !== name) return `graph.graphml: </${name}> does not close the open element`;
      continue;
    }
    const a = new Map<string, string>();
    ATTR.lastIndex = 0;
    for (let x = ATTR.exec(attrs ?? ''); x !== null; x = ATTR.exec(attrs ?? '')) {
      const value = x[2] ?? x[3] ?? '';
      if (checkText(value)) return `graph.graphml: attribute ${x[1] as string}: ${checkText(value) as string}`;
      if (a.has(x[1] as string)) return `graph.graphml: attribute ${x[1] as string} repeated`;
      a.set(x[1] as string, unescape(value));
    }
    if (stack.length === 0) {
      if (root !== null) return 'graph.graphml: more than one root element';
      root = name;
      if (name !== 'graphml') return `graph.graphml: the root element is <${name}>, not <graphml>`;
    }
    if (name === 'graph') graphs++;
    if (name === 'key') keys.add(a.get('id') ?? '');
    if (name === 'node') {
      const id = a.get('id');
      if (!id) return 'graph.graphml: a node without an id';
      if (nodes.has(id)) return `graph.graphml: node ${id} declared twice`;
      nodes.add(id);
    }
    if (name === 'edge') edges.push([a.get('source') ?? '', a.get('target') ?? '']);
    if (name === 'data') dataKeys.push(a.get('key') ?? '');
    if (!selfClosing) stack.push(name);
  }
  const tail = xml.slice(last);
  if (tail.trim() !== '') return 'graph.graphml: text after the root element';
  if (stack.length > 0) return `graph.graphml: <${stack[stack.length - 1] as string}> is never closed`;
  if (root === null) return 'graph.graphml: no root element';
  if (graphs !== 1) return `graph.graphml: ${graphs} <graph> elements, expected one`;
  for (const [s, t] of edges)
    if (!nodes.has(s) || !nodes.has(t)) return `graph.graphml: an edge joins an undeclared node (${!nodes.has(s) ? s : t})`;
  for (const k of dataKeys) if (!keys.has(k)) return `graph.graphml: data for an undeclared key ${k}`;
  return null;
}
