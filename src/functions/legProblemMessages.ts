/*
 * The leg checks of XV.VEGA and XV.GREEKS recorded as per-cell problems, one message per distinct problem, model and
 * value (the model words some messages), not one per leg: a column of a million bad legs costs about what good ones do.
 */
import { type LegColumns, reportLegProblems } from "../core/vega/legColumns";
import { type LegProblemKind, describeLegProblem } from "../core/vega/legValidation";
import type { OptionModel } from "../core/vega/optionModel";
import type { CellProblems } from "./columnReading";
import { SharedMessages } from "./sharedMessages";

export function recordLegProblems(legs: LegColumns, problems: CellProblems): void {
  const messagesByModel = new Map<OptionModel, SharedMessages<LegProblemKind>>();
  // The last model's messages: a book is nearly always one model throughout, one look-up per refused leg saved.
  let lastModel: OptionModel | null = null;
  let lastMessages: SharedMessages<LegProblemKind> | null = null;
  reportLegProblems(legs, problems.flags, (index, kind, legModel, value) => {
    let messages = legModel === lastModel ? lastMessages : messagesByModel.get(legModel);
    if (messages === undefined || messages === null) {
      messages = new SharedMessages<LegProblemKind>((problemKind, problemValue) => describeLegProblem(problemKind, legModel, problemValue as number));
      messagesByModel.set(legModel, messages);
    }
    lastModel = legModel;
    lastMessages = messages;
    problems.add(index, messages.messageFor(kind, value));
  });
}
