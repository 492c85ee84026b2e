/**
 * The floor for the client scenarios: a page that draws the same notes as plain Konva rectangles, one
 * `Konva.Rect` each on one layer, with the gestures Olifant has (Space+drag pans, the wheel zooms
 * around the pointer at the same rate, a plain drag moves a note) and nothing else: no document, no
 * store, no React, no text.
 *
 * Why: the goal is a ratio to "a bare Konva page drawing the same rectangles"; this is that
 * page, written the way the Konva documentation shows, without Olifant's tricks.
 */

export interface BareNote {
  text: string;
  x: number;
  y: number;
}

/** The page: Konva comes from `/konva.js` on the same origin; sets `window.__drawn` once painted. */
export function barePageHtml(notes: BareNote[]): string {
  const data = JSON.stringify(notes.map((n) => [n.x, n.y]));
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bare Konva</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#f4f1ea}#c{position:fixed;inset:0}</style>
</head><body><div id="c"></div>
<script src="/konva.js"></script>
<script>
const notes = ${data};
const stage = new Konva.Stage({ container: 'c', width: innerWidth, height: innerHeight });
const layer = new Konva.Layer();
stage.add(layer);
for (const [x, y] of notes) {
  layer.add(new Konva.Rect({ name: 'note', x, y, width: 160, height: 160, fill: '#fff59d', cornerRadius: 3, draggable: true }));
}
window.fitAll = () => {
  const box = layer.getClientRect({ relativeTo: stage });
  const scale = Math.min(innerWidth / (box.width + 80), innerHeight / (box.height + 80));
  stage.scale({ x: scale, y: scale });
  stage.position({ x: -box.x * scale + 40, y: -box.y * scale + 40 });
};
window.fitAll();
addEventListener('keydown', (e) => { if (e.key === ' ') { e.preventDefault(); stage.draggable(true); layer.listening(false); } });
addEventListener('keyup', (e) => { if (e.key === ' ') { stage.draggable(false); layer.listening(true); } });
stage.on('wheel', (e) => {
  e.evt.preventDefault();
  const p = stage.getPointerPosition();
  const old = stage.scaleX();
  const k = Math.exp(-Math.max(-300, Math.min(300, e.evt.deltaY)) * 0.0015);
  const scale = old * k;
  const at = { x: (p.x - stage.x()) / old, y: (p.y - stage.y()) / old };
  stage.scale({ x: scale, y: scale });
  stage.position({ x: p.x - at.x * scale, y: p.y - at.y * scale });
});
layer.draw();
requestAnimationFrame(() => requestAnimationFrame(() => { window.__drawn = true; }));
</script></body></html>`;
}
