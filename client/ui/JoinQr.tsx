/**
 * A QR code for a join URL, drawn as SVG by the `qrcode` library (loaded only when a QR is shown, so
 * it adds nothing to what a participant's tablet downloads).
 *
 * Why: a room of sixty joins fastest by pointing phones at the projector; the short URL under the
 * code is for anyone whose camera cannot read it.
 */
import { useEffect, useState } from 'react';
import { fetchJoinCode } from '../sync/api.ts';

/** The join URL as a QR code (SVG), with the URL written under it. */
export function JoinQr({ url, label, size = 180 }: { url: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((QRCode) =>
      QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => live && setSvg(text)),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="join-qr" aria-label={`${label} ${url}`}>
      {/* The SVG comes from the QR library for a URL this server made, not from user input. */}
      {svg ? <div className="qr" style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} /> : <div className="qr" style={{ width: size, height: size }} />}
      <figcaption>
        {label} <strong>{url.replace(/^https?:\/\//, '')}</strong>
      </figcaption>
    </figure>
  );
}

/** The board's short join URL, asked of the server with this screen's token (projector or facilitator). */
export function useJoinUrl(boardId: string, token: string, participantVersionKey: unknown): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Without an answer there is simply no QR code (the board works without one).
    fetchJoinCode(boardId, token)
      .then((body) => live && setUrl(body.url))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId, token, participantVersionKey]);
  return url;
}
