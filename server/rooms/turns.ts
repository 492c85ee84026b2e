/**
 * A room's turns: one queue of the messages its clients sent and of the work that reads its stored
 * state (snapshots, compaction, HTTP reads), handled one turn at a time, never two at once.
 *
 * Why: the store is asynchronous, and a room must still persist before it broadcasts. A turn takes
 * every message queued since the last one and hands them to the room, which applies them and writes
 * what it applied in one write; messages that arrive meanwhile wait for the next turn, so under load
 * one write carries many updates. Work queued with `run` starts only between turns, when the document
 * is exactly what the store holds: a compaction then covers exactly the log it replaces (no append can
 * land between encoding the state and dropping the log), and nothing read for an answer carries a
 * change that is not yet stored.
 */
import type { Connection } from './connection.ts';

/** One binary message a client sent, and what to do should handling it fail (close that socket). */
export interface Incoming {
  readonly conn: Connection;
  readonly data: Uint8Array;
  readonly reject: (err: unknown) => void;
}

interface Task {
  readonly run: () => Promise<void>;
  readonly cancel: (err: Error) => void;
}

/** The serial loop of one room (see above). */
export class Turns {
  private inbox: Incoming[] = [];
  private tasks: Task[] = [];
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(
    /** Handles the messages of one turn; resolves once what they changed is stored and sent. */
    private readonly turn: (messages: Incoming[]) => Promise<void>,
    /** Told when a turn itself fails (a bug: the room's handlers catch what they expect). */
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Queues a client's message for the next turn (each connection's messages stay in order). */
  push(message: Incoming): void {
    if (this.stopped) return;
    this.inbox.push(message);
    this.wake();
  }

  /** Runs `fn` between turns, when the document is what the store holds; rejects once the room is stopped. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('the board is no longer served here'));
    return new Promise<T>((resolve, reject) => {
      this.tasks.push({
        run: async () => {
          try {
            resolve(await fn());
          } catch (err) {
            reject(err);
          }
        },
        cancel: reject,
      });
      this.wake();
    });
  }

  /** Whether a turn or queued work is under way (a write may be in flight). */
  get busy(): boolean {
    return this.loop !== undefined;
  }

  /** Resolves once nothing is under way (the queue is empty, or the room stopped). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Drops what is queued and refuses more (the room is broken or gone); queued work is rejected. */
  stop(): void {
    this.stopped = true;
    this.inbox = [];
    const tasks = this.tasks;
    this.tasks = [];
    for (const task of tasks) task.cancel(new Error('the board is no longer served here'));
  }

  private wake(): void {
    if (this.loop || this.stopped) return;
    this.loop = this.runTurns()
      .catch(this.onError)
      .finally(() => {
        this.loop = undefined;
        if (this.inbox.length > 0 || this.tasks.length > 0) this.wake();
      });
  }

  private async runTurns(): Promise<void> {
    while (!this.stopped && (this.inbox.length > 0 || this.tasks.length > 0)) {
      if (this.inbox.length > 0) {
        const messages = this.inbox;
        this.inbox = [];
        await this.turn(messages);
      }
      // Work queued so far runs now, before the messages that arrived during the turn.
      const tasks = this.tasks;
      this.tasks = [];
      for (const task of tasks) {
        if (this.stopped) task.cancel(new Error('the board is no longer served here'));
        else await task.run();
      }
    }
  }
}
