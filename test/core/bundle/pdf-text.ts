// The text of an uncompressed pdfkit document: each TJ string decoded through the ToUnicode CMap
// of the font selected by the Tf before it (pdfkit writes one bfrange per subset font). Enough to
// search a summary for a name; not a general PDF reader.
function cmapOf(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  const range = /beginbfrange\s*([\s\S]*?)endbfrange/g;
  for (let m = range.exec(stream); m !== null; m = range.exec(stream)) {
    const line = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
    for (let l = line.exec(m[1] as string); l !== null; l = line.exec(m[1] as string)) {
      const start = parseInt(l[1] as string, 16);
      // A glyph for several characters (a ligature such as ﬃ) is one entry: <0066 0066 0069>.
      const targets = [...(l[3] as string).matchAll(/<([0-9a-fA-F\s]*)>/g)].map((t) => (t[1] as string).replace(/\s+/g, ''));
      targets.forEach((hex, i) => {
        let s = '';
        for (let k = 0; k < hex.length; k += 4) s += String.fromCharCode(parseInt(hex.slice(k, k + 4), 16));
        map.set(start + i, s);
      });
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1] as string, m[2] as string);
  // Font resource name (F1, F2, …) → the CMap of that font, where it has one.
  const fonts = new Map<string, Map<number, string> | null>();
  for (const dict of src.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
    for (const ref of (dict[1] as string).matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(ref[2] as string) ?? '';
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font);
      fonts.set(ref[1] as string, toUnicode ? cmapOf(objects.get(toUnicode[1] as string) ?? '') : null);
    }
  }
  const lines: string[] = [];
  let current: Map<number, string> | null | undefined;
  for (const m of src.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[([^[\]]*)\]\s*TJ/g)) {
    if (m[1] !== undefined) {
      current = fonts.get(m[1]);
      continue;
    }
    const hexes = [...(m[2] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1] as string).join('');
    let s = '';
    if (current) {
      for (let k = 0; k < hexes.length; k += 4) s += current.get(parseInt(hexes.slice(k, k + 4), 16)) ?? '\ufffd';
    } else {
      // A standard font without a CMap: one byte per glyph, WinAnsi ≈ Latin-1 for our text.
      for (let k = 0; k < hexes.length; k += 2) s += String.fromCharCode(parseInt(hexes.slice(k, k + 2), 16));
    }
    lines.push(s);
  }
  return lines.join('\n');
}
