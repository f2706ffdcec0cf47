/* The parts of fast-formula-parser (MIT, no bundled types) the check uses. */
declare module "fast-formula-parser" {
  export interface CellReference {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeReference {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface FunctionArgument {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
    ref?: CellReference | RangeReference;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: FunctionArgument[]) => unknown>;
    functionsNeedContext?: Record<string, (context: FormulaParser, ...args: unknown[]) => unknown>;
    onCell?: (reference: CellReference) => unknown;
    onRange?: (reference: RangeReference) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellReference | RangeReference | null;
  }
  export class FormulaError extends Error {
    constructor(error: string, message?: string, details?: unknown);
    readonly error: string;
    static readonly VALUE: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly REF: FormulaError;
  }
  export interface InfixOperand {
    val: unknown;
    isArray: boolean;
  }
  export interface ParserUtilities {
    _applyInfix(left: InfixOperand, infix: string, right: InfixOperand): unknown;
    _applyPrefix(prefixes: string[], value: unknown, isArray: boolean): unknown;
    _applyPostfix(value: unknown, isArray: boolean, postfix: string): unknown;
  }
  export default class FormulaParser {
    constructor(config: ParserConfig);
    position: { sheet: string; row: number; col: number };
    utils: ParserUtilities;
    funsNeedContextAndNoDataRetrieve: string[];
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
  }
}
