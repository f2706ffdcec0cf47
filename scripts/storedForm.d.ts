/* Types for scripts/storedForm.js (plain CommonJS, shared by the fixture, sample and benchmark writers). */
/* eslint-disable @typescript-eslint/no-explicit-any -- the adapters take and return Excel's raw any[][] */
import type ExcelJS from "exceljs";

export function storedFunction(name: string): string;
export function markArrayFormulasAsDynamic(buffer: ArrayBuffer | Buffer, fixedDate: Date): Promise<{ bytes: Buffer; marked: number }>;
export function putSpill(sheet: ExcelJS.Worksheet, anchorAddress: string, formula: string, grid: unknown): void;
export function cachedValue(value: unknown): unknown;
export function callAdapter(adapter: (...args: any[]) => any, ...args: unknown[]): any;
