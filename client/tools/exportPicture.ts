/**
 * Pictures of the board for the facilitator to keep: the shared SVG drawing of the whole board, the
 * current view or one area, saved as SVG or turned into a PNG at a chosen resolution.
 *
 * Why: the same drawing as the server's (one renderer, escaped text, no script), rasterised in the
 * browser, so a PNG for slides needs no server round trip and works offline.
 */

/** Largest PNG side, in pixels (browsers refuse bigger canvases). */
const MAX_SIDE = 8192;

/** Saves a file the browser makes from `blob`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG as a PNG, `scale` times its natural size (capped so no side exceeds 8192 px). */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const k = Math.min(scale, MAX_SIDE / img.naturalWidth, MAX_SIDE / img.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * k));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * k));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the picture');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a board title: letters and digits, dashes between. */
export function fileName(title: string, suffix: string): string {
  return `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board'}-${suffix}`;
}
