/**
 * The facilitator's actions on the frame of the day (agenda, timer, locks, summon, private writing,
 * projector, seating), each one shared named mutation with times in server time; and the link API
 * (list, rotate) over HTTP with the facilitator's token.
 *
 * Why: the UI only shows these to the facilitator, and the server refuses them from anyone else; the
 * timer must start from the server's clock (`serverNow`) so every screen counts down alike.
 */
import type * as Y from 'yjs';
import {
  applyTemplate,
  assignSeat,
  extendTimer,
  markHandDone,
  ORIGIN,
  pauseTimer,
  resumeTimer,
  setAgendaStep,
  setAreaLocked,
  setBoardLocked,
  setCrowdPresence,
  setPrivateWriting,
  setProjectorMode,
  setSeating,
  setParticipantTools,
  startTimer,
  stopTimer,
  summonToTables,
  summonToTask,
  summonToView,
  type BoardLinks,
  type CrowdSettings,
  type ProjectorMode,
  type Role,
  type Seating,
  type ParticipantTools,
  type TemplateId,
} from '../../shared/index.ts';
import * as api from './api.ts';
import { serverNow } from './serverClock.ts';

const local = ORIGIN.local;

/** The facilitator's actions bound to one document and link. */
export function createFacilitationActions(doc: Y.Doc, boardId: string, token: string) {
  return {
    lockBoard: (locked: boolean) => setBoardLocked(doc, locked, local),
    lockArea: (areaId: string, locked: boolean) => setAreaLocked(doc, areaId, locked, local),
    applyTemplate: (template: TemplateId, options: { lang: 'en' | 'nl'; mixedTables: number }) =>
      applyTemplate(doc, template, { ...options, year: new Date(serverNow()).getFullYear(), serverNow: serverNow() }, local),
    goToStep: (step: number) => setAgendaStep(doc, step, serverNow(), local),
    startTimer: (ms: number) => startTimer(doc, ms, serverNow(), local),
    pauseTimer: () => pauseTimer(doc, serverNow(), local),
    resumeTimer: () => resumeTimer(doc, serverNow(), local),
    extendTimer: (ms: number) => extendTimer(doc, ms, serverNow(), local),
    stopTimer: () => stopTimer(doc, local),
    /** "Bring everyone here": everyone's view moves to this board rectangle. */
    summonHere: (rect: { x: number; y: number; w: number; h: number }) => summonToView(doc, rect, serverNow(), local),
    /** "Bring everyone to this task": each screen frames the current task's areas (throws when it has none). */
    summonToTask: () => summonToTask(doc, serverNow(), local),
    /** "Go to your table": each device moves to its own table for the current seating. */
    summonToTables: () => summonToTables(doc, serverNow(), local),
    markHandDone: (participantId: string) => markHandDone(doc, participantId, serverNow(), local),
    setPrivateWriting: (on: boolean) => setPrivateWriting(doc, on, serverNow(), local),
    setProjectorMode: (mode: ProjectorMode) => setProjectorMode(doc, mode, local),
    setSeating: (seating: Seating) => setSeating(doc, seating, local),
    /** Which tools participants may use: notes only, notes and votes, or everything. */
    setParticipantTools: (tools: ParticipantTools) => setParticipantTools(doc, tools, local),
    assignSeat: (participantId: string, kind: Seating, areaId: string | null) => assignSeat(doc, participantId, kind, areaId, local),
    /** The crowd threshold, and cursors on or off for everyone. */
    setCrowdPresence: (change: Partial<CrowdSettings>) => setCrowdPresence(doc, change, local),
    /** Adds notes from a CSV file (one per row) into an area; resolves with how many. The parser loads
     * only when someone imports (it is not part of what every tablet downloads). */
    importCsv: async (areaId: string, csv: string, authorId: string) => {
      const { importNotes, parseNotesCsv } = await import('../../shared/report/csvImport.ts');
      return importNotes(doc, areaId, parseNotesCsv(csv), authorId, local).length;
    },
    /** A picture of the board, or of one rectangle of it, as SVG with its words in `lang` (the same drawing as the server's; loaded on demand). */
    boardSvg: async (rect: { x: number; y: number; w: number; h: number } | undefined, lang: 'en' | 'nl') => {
      const { boardSvg } = await import('../../shared/report/svg.ts');
      return boardSvg(doc, rect, undefined, lang);
    },
    /** The board's current links (facilitator only). */
    links: async (): Promise<BoardLinks> => (await api.fetchLinks(boardId, token)).links,
    /** Replaces the participant or projector link; the old one stops working at once. */
    rotateLink: async (role: 'participant' | 'projector') => {
      const { link, closed } = await api.rotateLink(boardId, token, role);
      return { link, closed };
    },
    /** How many screens of each role are connected now. */
    connections: async (): Promise<Record<Role, number>> => (await api.fetchConnections(boardId, token)).connections,
    /** A one-time address of the report in `lang` (dates in this device's time zone), without the token. */
    reportLink: async (format: 'html' | 'md', lang: 'en' | 'nl', snapshot?: number): Promise<string> => {
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return (await api.mintReportLink(boardId, token, { format, lang, tz, ...(snapshot === undefined ? {} : { snapshot: String(snapshot) }) })).url;
    },
    /** A board file (the notes CSV in `lang`, the backup) as a blob, fetched without the token in any address. */
    boardFile: (file: 'notes.csv' | 'backup.json', lang: 'en' | 'nl') => api.fetchBoardFile(boardId, token, file, { lang }),
  };
}
