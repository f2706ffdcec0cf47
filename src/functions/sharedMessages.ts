/*
 * Messages built once per distinct problem, not once per cell: a million cells holding the same text, or the same vol
 * typed in percent, cost a million Map look-ups and one string. The cost of an error then stays close to the cost of
 * a number (hardening issue, item 9).
 */

/** A memo from (kind, offending value) to the message `describe` builds for them. */
export class SharedMessages<Kind extends string> {
  private readonly byKind = new Map<Kind, Map<unknown, string>>();

  /** @param describe builds the message of a problem; must depend on nothing but its two inputs */
  constructor(private readonly describe: (kind: Kind, value: unknown) => string) {}

  /** The message for `kind` and `value`, built at the first request and the same string object afterwards. */
  messageFor(kind: Kind, value: unknown): string {
    let byValue = this.byKind.get(kind);
    if (byValue === undefined) {
      byValue = new Map();
      this.byKind.set(kind, byValue);
    }
    let message = byValue.get(value);
    if (message === undefined) {
      message = this.describe(kind, value);
      byValue.set(value, message);
    }
    return message;
  }
}
