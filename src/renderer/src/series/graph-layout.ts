// How the series network is laid out: the layouts on offer, their cytoscape options, and when
// a graph counts as large (level-of-detail drawing, WebGL where the machine has a real GPU).

import type cytoscape from 'cytoscape';

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid';
export const LAYOUTS: readonly LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid'];

/** Above this many elements the graph draws in level-of-detail mode (and with WebGL if possible). */
export const LARGE = 1500;

/** WebGL drawing pays off only on a real graphics processor; a software one (SwiftShader, llvmpipe) is slower than the canvas. */
export function hardwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl === null) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

export function layoutOptions(name: LayoutName, count: number, incremental: boolean): cytoscape.LayoutOptions {
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        // 'draft' is the spectral step alone, which always randomises: an incremental run needs 'default'.
        quality: count > LARGE && !incremental ? 'draft' : 'default',
        randomize: !incremental,
        animate: false,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        // Room between nodes, so squares and their labels do not overlap.
        nodeRepulsion: () => 30000,
        idealEdgeLength: () => 110,
        nodeSeparation: 120,
        numIter: count > LARGE ? 1200 : 2500,
      } as cytoscape.LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        minNodeSpacing: 8,
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
      } as cytoscape.LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', animate: false, spacingFactor: 1.1, directed: false } as cytoscape.LayoutOptions;
    case 'grid':
      return { name: 'grid', animate: false, avoidOverlap: true } as cytoscape.LayoutOptions;
  }
}
