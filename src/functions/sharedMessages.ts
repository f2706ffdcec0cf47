/*
 * Messages built once per distinct problem, not once per cell: a million cells holding the same text, or the same vol
 * typed in percent, cost a million Map look-ups and one string. The cost of an error then stays close to the cost of
 * a number (hardening issue, item 9).
 */

/**
 * How many distinct messages a call shares at most. Beyond it the problems are nearly all different (a million vols
 * each typed differently), sharing saves nothing, and a million-entry look-up table would cost more than the messages
 * themselves: further messages are built per cell, as they were before sharing.
 */
export const MAX_SHARED_MESSAGES = 4096;

/** A memo from (kind, offending value) to the message `describe` builds for them. */
export class SharedMessages<Kind extends string> {
  private readonly byKind = new Map<Kind, Map<unknown, string>>();
  private size = 0;
  /** The last kind asked for and its values: a column's problems are nearly always of one kind, one look-up saved. */
  private lastKind: Kind | null = null;
  private lastByValue: Map<unknown, string> | null = null;

  /** @param describe builds the message of a problem; must depend on nothing but its two inputs */
  constructor(private readonly describe: (kind: Kind, value: unknown) => string) {}

  /** The message for `kind` and `value`, built at the first request and the same string object afterwards. */
  messageFor(kind: Kind, value: unknown): string {
    let byValue = kind === this.lastKind ? this.lastByValue : this.byKind.get(kind);
    if (byValue === undefined || byValue === null) {
      byValue = new Map();
      this.byKind.set(kind, byValue);
    }
    this.lastKind = kind;
    this.lastByValue = byValue;
    let message = byValue.get(value);
    if (message === undefined) {
      message = this.describe(kind, value);
      if (this.size < MAX_SHARED_MESSAGES) {
        byValue.set(value, message);
        this.size++;
      }
    }
    return message;
  }
}
