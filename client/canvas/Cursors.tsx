/**
 * Other people's cursors with their names, kept the same size on screen at any zoom, gliding from
 * one reported position to the next.
 *
 * Why: the server sends cursors a few times a second in a large room (each tablet gets at most 600
 * cursor states a second in a room of up to 600 people), and a cursor that jumps twice a second is
 * hard to follow on the projector. Each move glides over the time since the last one, so a
 * cursor trails by one report and moves smoothly at any rate.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type KonvaTypes from 'konva';
import { useShallow } from 'zustand/react/shallow';
import { drawsCursorOf } from '../store/crowd.ts';
import { useStore, type Peer } from '../store/store.ts';
import { FONT_FAMILY } from './fitText.ts';
import { Group, Konva, Label, Line, Tag, Text } from './konva.ts';

/** A gap longer than this (ms) is a new appearance, not a move: the cursor jumps. */
export const GLIDE_MAX_MS = 1200;

/**
 * Other people's cursors with their names, each gliding from one reported position to the next: none
 * when the facilitator turned cursors off, and in a crowd only the facilitator's and my area's.
 */
export function Cursors() {
  const peers = useStore(useShallow((s) => Object.values(s.peers).filter((p) => drawsCursorOf(s, p))));
  const scale = useStore((s) => s.viewport.scale);
  return (
    <>
      {peers.map((p) => (
        <RemoteCursor key={p.clientId} peer={p} k={1 / scale} />
      ))}
    </>
  );
}

function RemoteCursor({ peer, k }: { peer: Peer; k: number }) {
  const ref = useRef<KonvaTypes.Group>(null);
  const last = useRef(-Infinity); // the first report places the cursor; it does not glide in
  const tween = useRef<KonvaTypes.Tween | null>(null);
  const { x, y } = peer.cursor!;

  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const now = performance.now();
    const gap = now - last.current;
    last.current = now;
    tween.current?.destroy();
    tween.current = null;
    if (gap > GLIDE_MAX_MS) {
      node.position({ x, y });
      return;
    }
    tween.current = new Konva.Tween({ node, x, y, duration: gap / 1000 });
    tween.current.play();
  }, [x, y]);

  useEffect(() => () => tween.current?.destroy(), []);

  return (
    <Group ref={ref} name="cursor" scaleX={k} scaleY={k} listening={false}>
      <Line points={[0, 0, 0, 20, 5, 15, 14, 15]} closed fill={peer.color} stroke="#fff" strokeWidth={1.5} />
      <Label x={12} y={18}>
        <Tag fill={peer.color} cornerRadius={4} />
        <Text text={peer.name} fontSize={14} fontFamily={FONT_FAMILY} fill="#fff" padding={4} fontStyle="bold" />
      </Label>
    </Group>
  );
}
