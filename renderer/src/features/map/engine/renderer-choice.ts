/**
 * Which Cytoscape renderer the map starts with (issue 12): canvas 2D, or Cytoscape's WebGL renderer (3.31+),
 * chosen by capability when the user has not chosen in the toolbar. WebGL draws a 50k-node map faster on a real
 * GPU, but under a software implementation (SwiftShader, llvmpipe: headless Chromium with --disable-gpu, a
 * virtual machine) it is slower than canvas (bench:map measures both and prints what the browser offered), so:
 * no WebGL2, or a software renderer → canvas; a hardware WebGL2 renderer → WebGL.
 */

/** What the browser offers for WebGL2: none, or the renderer string and whether it is software. */
export interface WebglInfo {
  available: boolean;
  /** UNMASKED_RENDERER_WEBGL when the browser exposes it, else RENDERER; '' without WebGL2. */
  renderer: string;
  software: boolean;
}

/** Renderer strings of software GL implementations (Chromium's SwiftShader, Mesa's llvmpipe/softpipe, WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

/** Probes WebGL2 once on a detached canvas (a few ms); the context is released at once. */
export function probeWebgl(): WebglInfo {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { available: false, renderer: '', software: false };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, software: SOFTWARE.test(renderer) };
  } catch {
    return { available: false, renderer: '', software: false };
  }
}

/** True when WebGL should be the default: WebGL2 on a hardware renderer. */
export function preferWebgl(info: WebglInfo = probeWebgl()): boolean {
  return info.available && !info.software;
}
