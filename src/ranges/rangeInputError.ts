/**
 * A range argument the readers in src/ranges cannot use: the message names the argument, the cell or entry, the value
 * and what is expected. Pure (no Office, no CustomFunctions global), so the Excel functions, the task pane and tests
 * share the readers: the functions turn it into #VALUE! with this message (excelErrors.ts), the pane shows the message.
 */
export class RangeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RangeInputError";
  }
}
