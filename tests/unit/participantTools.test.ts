/**
 * The rule of what each participant-tools setting allows, shared by the client (which hides what is
 * off) and the server (which refuses it), and the setting's default on boards that never set it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mayUseTool, ORIGIN, participantsMay, readFacilitation, setParticipantTools, TOOL_KINDS, toParticipantTools } from '../../shared/index.ts';

describe('participant tools', () => {
  it('notes only switches off every tool; notes and votes leaves dots; everything leaves all', () => {
    const allowed = (setting: 'notes' | 'notesAndVotes' | 'everything') => TOOL_KINDS.filter((k) => participantsMay(setting, k));
    expect(allowed('notes')).toEqual([]);
    expect(allowed('notesAndVotes')).toEqual(['dots']);
    expect(allowed('everything')).toEqual(['dots', 'areas', 'connectors', 'clusters', 'actionCards']);
  });

  it('the setting limits participants only: the facilitator may always use every tool', () => {
    for (const kind of TOOL_KINDS) expect(mayUseTool('facilitator', 'notes', kind)).toBe(true);
    expect(mayUseTool('projector', 'notes', 'dots')).toBe(true);
    expect(mayUseTool('participant', 'notes', 'areas')).toBe(false);
  });

  it('a board that never set it, or holds something unknown, allows everything', () => {
    const doc = new Y.Doc();
    expect(readFacilitation(doc).participantTools).toBe('everything');
    doc.getMap('facilitation').set('participantTools', 'nothing');
    expect(readFacilitation(doc).participantTools).toBe('everything');
    expect(toParticipantTools(42)).toBe('everything');
    setParticipantTools(doc, 'notes', ORIGIN.local);
    expect(readFacilitation(doc).participantTools).toBe('notes');
  });
});
