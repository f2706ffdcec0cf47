/** The shape of a range as Excel passes it (rows of cells). */
export interface GridShape {
  rows: number;
  columns: number;
}

export function shapeOf(values: unknown[][]): GridShape {
  return { rows: values.length, columns: values[0]?.length ?? 0 };
}

/** "3 rows × 1 column", for messages. */
export function describeShape(shape: GridShape): string {
  return `${shape.rows} row${shape.rows === 1 ? "" : "s"} × ${shape.columns} column${shape.columns === 1 ? "" : "s"}`;
}
