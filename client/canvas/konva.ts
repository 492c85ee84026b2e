/**
 * The Konva pieces the canvas uses, from react-konva's core build plus only the shapes we draw.
 *
 * Why: the full react-konva bundle registers every shape; importing just these keeps the board chunk
 * smaller (see ../shared/docs/stack.md).
 */
import Konva from 'konva/lib/Core';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';
import 'konva/lib/shapes/Arrow';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Label';
import 'konva/lib/shapes/Circle';
import { DOUBLE_TAP_MS } from '../tools/doubleTap.ts';

// Let a second finger reach the stage while a first one drags (pinch during a drag).
Konva.hitOnDragEnabled = true;
// A finger double-tap (or a busy tablet) can take longer than the 400 ms default.
Konva.dblClickWindow = DOUBLE_TAP_MS;

export { Konva };
export { Arrow, Circle, Group, Label, Layer, Line, Rect, Shape, Stage, Tag, Text } from 'react-konva/lib/ReactKonvaCore';
