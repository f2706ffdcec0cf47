/*
 * What an edit does to the metadata (XV_META). The metadata says where the numbers came from, so that a saved set-up
 * can be trusted or reproduced ("EWMA 0.94 from the DVOL history"); the rule is that it must never claim a source for
 * a number that did not come from it:
 * - typing a correlation or a vol-of-vol, adding an asset (its correlations are typed zeros) or switching the kind of
 *   changes (the numbers are then declared to be of the other kind by hand) makes the set-up "manual"/"typed", with
 *   no lambda, even after an import or an estimate. Keeping "history"/"ewma" after a hand edit would let a typed
 *   number pass for an estimate in the nightly check.
 * - `repaired` turns false when the correlation matrix itself is edited (it is no longer the repair's output); it
 *   stays when only vol-of-vols or the kind of changes are.
 * - renaming, reordering and removing assets keep the metadata: every remaining number still comes from the same
 *   source (a principal submatrix of an estimate or a repair, relabelled or permuted).
 * - an edit that changes nothing (retyping the same value) returns the set-up as it was, metadata included.
 * `asOf` is left alone: it is stamped when a set-up is built (empty, imported, estimated, repaired) and by the save.
 */
import type { ConfigMetadata } from "./correlationConfig";

export function typedByHand(metadata: ConfigMetadata, matrixEdited: boolean): ConfigMetadata {
  return { ...metadata, source: "manual", method: "typed", lambda: null, repaired: matrixEdited ? false : metadata.repaired };
}
