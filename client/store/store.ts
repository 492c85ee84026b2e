/**
 * The client's one zustand store, in slices: the board (plain snapshots), the connection, presence,
 * and local UI state (viewport, selection, editing).
 *
 * Why: React components read everything from here with narrow selectors and never touch Y types.
 * Board records are kept by id and replaced one by one by the sync bridge, so a remote edit of one
 * note changes one object and re-renders one note component.
 */
import { create } from 'zustand';
import { DEFAULT_FACILITATION, type Area, type BoardMeta, type Cluster, type Connector, type Dot, type Facilitation, type Note, type Outcome, type Person, type Role, type Seats, type Stance, type StakeholderGroup, type Vote } from '../../shared/index.ts';
import type { CrowdSummary } from '../../shared/index.ts';

/** What the last reconnect merged (see sync/mergeSummary.ts). */
export interface MergeSummary {
  /** Items changed on this device while offline (now sent). */
  readonly mine: number;
  /** Notes added, changed or removed by others while this device was offline. */
  readonly others: number;
  /** Ids of those notes that still exist (to show them). */
  readonly changedIds: readonly string[];
}

/** Connection to the server as a person would describe it. */
export type ConnectionStatus = 'connecting' | 'syncing' | 'connected' | 'reconnecting' | 'offline';

/** The visible part of the board: screen = board * scale + (x, y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Someone else on the board, from awareness. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  /** Cursor position in board units, or null when off the board. */
  readonly cursor: { x: number; y: number } | null;
  /** Notes or areas this person is editing or dragging right now. */
  readonly busyWith: readonly string[];
  /** The stakeholder group this person says they are in, or null. */
  readonly groupId: string | null;
  /** Their participant id ('' if their client does not say). */
  readonly id: string;
  readonly role: Role;
  /** The board rectangle on their screen, if they share it (the facilitator does). */
  readonly view: { x: number; y: number; w: number; h: number } | null;
  /** When they raised their hand (server time), or null. */
  readonly hand: number | null;
  /** The area they are working in (see docs/protocol.md), or null. */
  readonly place: string | null;
}

/** The board's notes, areas and connectors (by id, and their ids in creation order) and its meta. */
export interface BoardSlice {
  meta: BoardMeta | null;
  notes: Record<string, Note>;
  noteIds: string[];
  areas: Record<string, Area>;
  areaIds: string[];
  connectors: Record<string, Connector>;
  connectorIds: string[];
}

/** The co-creation records (stakeholder groups, clusters, votes and dots, stances, outcomes), as plain
 * values. These collections are small (tens to a few hundred records), so each is re-read whole when
 * it changes. */
export interface CocreationSlice {
  groups: StakeholderGroup[];
  clusters: Record<string, Cluster>;
  votes: Vote[];
  dots: Dot[];
  stances: Stance[];
  outcomes: Outcome[];
  /** Who took part (the `people` root), with each person's answer to a "Ready?" call. */
  people: Person[];
}

/** The facilitator's frame of the day (read-only for everyone else) and the server's clock. */
export interface FrameSlice {
  facilitation: Facilitation;
  seats: Seats;
  /** Server time minus this device's time, ms (see sync/serverClock.ts). */
  clockOffset: number;
  /** Follow the facilitator's view (a participant's choice; the projector's default). */
  following: boolean;
}

/** Who I am on this board. */
export interface MeSlice {
  me: {
    /** This device's participant id (notes' `authorId`, dots' `voterId`). */
    id: string;
    role: Role;
    /** My stakeholder group; `null` before I pick one, `''` when I said I am in none. */
    groupId: string | null;
    /** My display name. */
    name: string;
  };
}

/** The perspective lens and the voting tool. */
export interface LensSlice {
  lens: {
    /** Group ids in focus; empty shows everyone alike. */
    groups: string[];
    /** Highlight dims the other notes; filter hides them. */
    mode: 'highlight' | 'filter';
    /** Fill notes with their author's group colour. */
    colorByGroup: boolean;
  };
  /** While a vote is open: taps place a dot, take one back, or (off) select as usual. */
  voteTool: 'place' | 'takeBack' | 'off';
}

/** The connection to the server and this device's copy of the board. */
export interface ConnectionSlice {
  status: ConnectionStatus;
  /** Whether the first sync with the server has completed. */
  synced: boolean;
  /** Whether this device's stored copy of the board has been loaded. */
  localLoaded: boolean;
  /** Notes, areas and connectors changed on this device while not connected, not yet sent. */
  pending: number;
  /** Why the board cannot be opened, once known. */
  problem: 'link' | 'unreachable' | null;
  /** This device's copy is of another incarnation of the board (restored or recreated), or of a
   * board the server no longer has: it is not merged until the person decides. Or the server refused
   * a change from this device (`refused`, with the server's reason), so the copy cannot be sent. */
  conflict: 'epoch' | 'gone' | 'refused' | null;
  /** The server's reason for refusing this device's change (its close reason), while `conflict` is `refused`. */
  refusal: string;
  /** What the last reconnect merged, until dismissed. */
  mergeSummary: MergeSummary | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** Who else is on the board, from awareness. */
export interface PresenceSlice {
  peers: Record<number, Peer>;
  /** Colour of the person busy with each note or area id (someone else, not me). */
  busy: Record<string, string>;
  /** The server's crowd summary while the board is a crowd (head counts per area), else null. */
  crowd: CrowdSummary | null;
  /** The area I am working in, as others are told (my `place`). */
  myPlace: string | null;
  /** Everyone who joined the board, from the document's `people` registry. */
  registry: Person[];
}

/** This device's view and what is being done on it: viewport, selection, editors, gestures, panels. */
export interface UiSlice {
  viewport: Viewport;
  /** Selected note and area ids. */
  selection: string[];
  /** Selected connector, if any (selected on its own). */
  selectedConnector: string | null;
  /** The note whose text is being edited. */
  editingNote: string | null;
  /** The area whose name is being edited. */
  editingArea: string | null;
  /** The connector whose label is being edited. */
  editingConnector: string | null;
  /** Connect mode: the note the next tapped note will be connected from. */
  connectFrom: string | null;
  /** The screen size of the canvas, in CSS pixels. */
  screen: { w: number; h: number };
  /** Which side panel is open. */
  panel: 'none' | 'help' | 'outline' | 'people' | 'groups' | 'clusters' | 'vote' | 'commonGround' | 'facilitate';
  /** A drag in progress: the notes it moves and by how much (connectors and outlines follow it until
   * the drop is written). */
  drag: { ids: readonly string[]; dx: number; dy: number } | null;
  /** Space is held: drags pan the board even when they start on a note. */
  spaceHeld: boolean;
  /** View-only (a projector link): no editing chrome, nothing draggable. */
  readOnly: boolean;
  /** The cluster whose label is being edited. */
  editingCluster: string | null;
  /** A short message for the person (e.g. why a dot could not be placed). */
  notice: { message: string; at: number } | null;
}

/** Everything the client holds. */
export type StoreState = BoardSlice & CocreationSlice & FrameSlice & MeSlice & LensSlice & ConnectionSlice & PresenceSlice & UiSlice;

/** The state before a board is opened. */
export const initialState: StoreState = {
  meta: null,
  notes: {},
  noteIds: [],
  areas: {},
  areaIds: [],
  connectors: {},
  connectorIds: [],
  groups: [],
  clusters: {},
  votes: [],
  dots: [],
  stances: [],
  outcomes: [],
  people: [],
  facilitation: DEFAULT_FACILITATION,
  seats: {},
  clockOffset: 0,
  following: false,
  me: { id: '', role: 'participant', groupId: null, name: '' },
  lens: { groups: [], mode: 'highlight', colorByGroup: false },
  voteTool: 'place',
  status: 'connecting',
  synced: false,
  localLoaded: false,
  pending: 0,
  problem: null,
  conflict: null,
  refusal: '',
  mergeSummary: null,
  canUndo: false,
  canRedo: false,
  peers: {},
  busy: {},
  crowd: null,
  myPlace: null,
  registry: [],
  viewport: { x: 0, y: 0, scale: 1 },
  selection: [],
  selectedConnector: null,
  editingNote: null,
  editingArea: null,
  editingConnector: null,
  connectFrom: null,
  screen: { w: 1024, h: 768 },
  panel: 'none',
  drag: null,
  spaceHeld: false,
  readOnly: false,
  editingCluster: null,
  notice: null,
};

/** The store: read with narrow selectors (`useStore((s) => ...)`), changed through the named changes in this folder. */
export const useStore = create<StoreState>()(() => ({ ...initialState }));

/** Resets everything (a new board is opened). */
export function resetStore(): void {
  useStore.setState({ ...initialState, screen: useStore.getState().screen });
}
