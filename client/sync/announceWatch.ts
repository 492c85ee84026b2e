/**
 * Watches the board for what a screen reader should hear and queues it on the live region
 * (`store/announcements.ts`): notes others add (grouped), the selection, a vote opened or closed,
 * my dots left after I place or take back one, and the timer running out.
 *
 * Why: the board is a canvas; without these a person with a screen reader hears nothing of the room.
 * Only changes from elsewhere count as arrivals (`transaction.local` is this device's own), and only
 * once the board has synced: loading the board, or the flood of a reconnect's merge, is not news
 * note by note (the back-online toast, a status of its own, says the merge as one summary).
 */
import * as Y from 'yjs';
import { listVotes, notesMap, peopleMap, toNote, votesMap, type Vote, type YNote } from '../../shared/index.ts';
import { languageStore, translate } from '../i18n/i18n.ts';
import { announce, arrivals, myDotsLeft, selectionText } from '../store/announcements.ts';
import { currentVote } from '../store/derived.ts';
import { useBoardFocus } from '../store/focus.ts';
import { useStore } from '../store/store.ts';
import { serverNow } from './serverClock.ts';

/** A selection is said once it has stayed the same this long, ms (a run of shift-clicks is one). */
const SELECTION_SETTLE_MS = 300;

const lang = () => languageStore.getState().lang;

/** The display name of participant `id`: from who is here now, else the board's list of people. */
function nameOf(doc: Y.Doc, id: string): string {
  const peer = Object.values(useStore.getState().peers).find((p) => p.id === id);
  if (peer?.name) return peer.name;
  const person = peopleMap(doc).get(id) as { name?: unknown } | undefined;
  return typeof person?.name === 'string' && person.name ? person.name : translate(lang(), 'announceSomeone');
}

/** Starts announcing changes of `doc` and of the store; returns the function that stops it. */
export function startAnnouncements(doc: Y.Doc): () => void {
  const notes = notesMap(doc);
  const onNotes = (event: Y.YMapEvent<YNote>) => {
    const s = useStore.getState();
    if (event.transaction.local || !s.synced) return;
    event.changes.keys.forEach((change, id) => {
      if (change.action !== 'add') return;
      const m = notes.get(id);
      if (!(m instanceof Y.Map)) return;
      const author = toNote(id, m).authorId;
      if (author !== s.me.id) arrivals.add(nameOf(doc, author));
    });
  };
  notes.observe(onNotes);

  // Votes: compared with the open ones last seen; while not synced (loading, merging) only remembered.
  const votes = votesMap(doc);
  let open = openVotes(listVotes(doc));
  const onVotes = () => {
    const now = openVotes(listVotes(doc));
    if (useStore.getState().synced) {
      for (const [id, title] of now) if (!open.has(id)) announce(translate(lang(), 'announceVoteOpened', title || translate(lang(), 'untitledVote')));
      for (const [id, title] of open) if (!now.has(id)) announce(translate(lang(), 'announceVoteClosed', title || translate(lang(), 'untitledVote')));
    }
    open = now;
  };
  votes.observeDeep(onVotes);

  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  /** The selection as last said (or left unsaid). */
  let settled: readonly string[] = useStore.getState().selection;
  let timeUpTimer: ReturnType<typeof setTimeout> | undefined;
  const watchTimer = () => {
    clearTimeout(timeUpTimer);
    const timer = useStore.getState().facilitation.timer;
    if (timer.state !== 'running' || timer.endsAt === null) return;
    const endsAt = timer.endsAt;
    const left = endsAt - serverNow();
    if (left <= 0) return; // ended before this screen saw it
    const check = () => {
      const t = useStore.getState().facilitation.timer;
      if (t.state !== 'running' || t.endsAt !== endsAt) return;
      const rest = endsAt - serverNow();
      if (rest > 0) timeUpTimer = setTimeout(check, rest);
      else announce(translate(lang(), 'timeUp'));
    };
    timeUpTimer = setTimeout(check, left);
  };
  watchTimer();
  // My dots left: said when it changes within one open vote (the vote's opening is said on its own).
  let dots = myDotsLeft(useStore.getState());
  const watchDots = (s: ReturnType<typeof useStore.getState>) => {
    const now = s.me.role === 'projector' ? null : myDotsLeft(s);
    const vote = currentVote(s);
    if (now && dots && now.voteId === dots.voteId && now.left !== dots.left && vote && (vote.budget !== 'group' || now.groupName)) {
      announce(vote.budget === 'group' ? translate(lang(), 'announceDotsLeftGroup', now.left, now.groupName) : translate(lang(), 'announceDotsLeft', now.left));
    }
    dots = now;
  };
  const stopStore = useStore.subscribe((s, prev) => {
    if (s.dots !== prev.dots || s.votes !== prev.votes || s.me !== prev.me) watchDots(s);
    if (s.selection !== prev.selection && s.selection.join() !== prev.selection.join()) {
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(() => {
        const now = useStore.getState();
        const before = settled;
        settled = now.selection;
        if (saidElsewhere(now.selection, before, now.editingNote)) return;
        announce(selectionText(lang(), now.selection, now));
      }, SELECTION_SETTLE_MS);
    }
    if (s.facilitation.timer !== prev.facilitation.timer) watchTimer();
  });

  return () => {
    notes.unobserve(onNotes);
    votes.unobserveDeep(onVotes);
    stopStore();
    clearTimeout(selectionTimer);
    clearTimeout(timeUpTimer);
    arrivals.stop();
  };
}

/**
 * The selection `ids` is already heard another way: the keyboard on the canvas selected or let go of
 * the note it is on, alone (the canvas's own line says "Note 2 of 5, selected: …", or drops
 * "selected"), or it is the note being written (a new note is selected as its editor opens;
 * "Selected: an empty note" would talk over the typing). One sentence per action.
 */
function saidElsewhere(ids: readonly string[], before: readonly string[], editing: string | null): boolean {
  if (ids.length === 1 && ids[0] === editing) return true;
  const f = useBoardFocus.getState();
  if (!f.canvasFocused || !f.keyboardUsed || f.noteId === null) return false;
  const onlyFocused = (list: readonly string[]) => list.length === 1 && list[0] === f.noteId;
  return (onlyFocused(ids) && !before.includes(f.noteId)) || (ids.length === 0 && onlyFocused(before));
}

function openVotes(votes: Vote[]): Map<string, string> {
  return new Map(votes.filter((v) => v.open).map((v) => [v.id, v.title]));
}
