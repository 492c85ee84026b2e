/**
 * Escaping people's text for XML (the board's SVG pictures).
 *
 * Why: one escape for every SVG piece, so no note, label or group name can become markup.
 */

/** Escapes text for XML content and attribute values (and drops characters XML cannot hold). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
