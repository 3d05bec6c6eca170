// The text of an uncompressed pdfkit document: glyph codes of the TJ strings mapped back through
// the fonts' ToUnicode CMaps (pdfkit writes one bfrange per subset font). Enough to search a
// summary for a name; not a general PDF reader.
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const maps: Map<number, string>[] = [];
  const range = /beginbfrange\s*([\s\S]*?)endbfrange/g;
  for (let m = range.exec(src); m !== null; m = range.exec(src)) {
    const map = new Map<number, string>();
    const line = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
    for (let l = line.exec(m[1] as string); l !== null; l = line.exec(m[1] as string)) {
      const start = parseInt(l[1] as string, 16);
      const targets = [...(l[3] as string).matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1] as string);
      targets.forEach((hex, i) => {
        let s = '';
        for (let k = 0; k < hex.length; k += 4) s += String.fromCharCode(parseInt(hex.slice(k, k + 4), 16));
        map.set(start + i, s);
      });
    }
    maps.push(map);
  }
  const lines: string[] = [];
  const tj = /\[([^[\]]*)\]\s*TJ/g;
  for (let m = tj.exec(src); m !== null; m = tj.exec(src)) {
    const hexes = [...(m[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] as string).join('');
    // Try each font's map; the one that decodes every code is the font in use.
    for (const map of maps) {
      let s = '';
      let ok = true;
      for (let k = 0; k < hexes.length; k += 4) {
        const c = map.get(parseInt(hexes.slice(k, k + 4), 16));
        if (c === undefined) {
          ok = false;
          break;
        }
        s += c;
      }
      if (ok) {
        lines.push(s);
        break;
      }
    }
  }
  return lines.join('\n');
}
