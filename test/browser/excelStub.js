/*
 * A fake Excel host for tests: plain browser JavaScript (no modules, no build), injected by Playwright with
 * page.addInitScript({ path: "test/browser/excelStub.js" }) before the pane's bundles, and evaluated by the Jest
 * tests of src/taskpane/workbook (test/taskpane/workbook/fakeExcelHost.ts) so that both run against ONE fake.
 *
 * It defines window.Office, window.Excel and window.CustomFunctions, and window.__xvegaTestWorkbook to set up and
 * inspect the workbook. Excel is faithful where the add-in could go wrong:
 *   - Office.js batching: methods and property writes are queued and run in order at context.sync() (Excel.run syncs
 *     at the end); a loaded property can be read only after load() and sync(), else "PropertyNotLoaded" is thrown;
 *     *OrNullObject proxies report isNullObject after sync; errors surface at sync and drop the rest of the batch.
 *   - Range.values / formulas / numberFormat take 2-D arrays of exactly the range's shape ("InvalidArgument" if not);
 *     null leaves a cell unchanged, "" empties it. A string written to a cell not formatted "@" is read as typed:
 *     "=x", "+x", "-x", "@x" become formulas, numeric text a number, TRUE/FALSE a boolean (dates are not parsed).
 *   - Formulas are stored, not evaluated: Range.values of a formula cell reads "#UNEVALUATED!", unless the test gave
 *     it a result (setFormulaResult), which may spill: the spill's cells then read their values, and Range.formulas of
 *     a spilled cell (not the anchor) reads its value, as in Excel. getSpillParentOrNullObject and
 *     getSpillingToRangeOrNullObject (ExcelApi 1.12) find the anchor and the spill.
 *   - Names are workbook-scoped, case-insensitive; sheet names are case-insensitive, 31 characters at most.
 * It implements exactly the subset the add-in uses (see src/taskpane/workbook/officeGateway.ts), plus getItem /
 * getActiveWorksheet. It does not draw charts: it records them.
 *
 * In Playwright, also answer the office.js CDN request with an empty script, or the real office.js would replace
 * this Office:
 *   await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
 *   await page.addInitScript({ path: "test/browser/excelStub.js" });
 * To play an Excel without the needed API set, replace Office.context.requirements.isSetSupported in a later init script.
 *
 * window.__xvegaTestWorkbook:
 *   setCells(sheetName, topLeftAddress, values2D)  create the sheet if needed and type values ("=…" is a formula)
 *   select(sheetName, address)                      set the selection (workbook.getSelectedRange)
 *   cells(sheetName)      { "A1": value, … } every non-empty cell (a formula cell shows its formula)
 *   names()               { XV_CORR: "XV_Config!$D$13:$G$16", … } (a name on a constant shows "=0.5")
 *   sheetNames()          [ "Sheet1", … ] in tab order
 *   chartCount(sheetName) number of charts on the sheet
 *   charts(sheetName)     [ { type, source, seriesBy, title, position: { start, end } }, … ] as added (source absolute)
 *   formulas(sheetName)   { "A20": "=XV.XVEGAHEDGE(…)", … } formula cells only
 *   addSheetName(sheetName, name, reference)        define a name scoped to that sheet ("Sheet1!$A$1:$B$2" or "=0.5")
 *   setFormulaResult(sheetName, anchorAddress, formula, values2D)
 *                         type `formula` in the anchor and show `values2D` as its result, spilling from the anchor
 *                         over values2D's shape (1 × 1: no spill); "#VALUE!" and the like are error values
 */
(function installXvegaExcelStub(root) {
  "use strict";

  // ---------------------------------------------------------------- A1 addresses
  var LAST_ROW = 1048575;
  var LAST_COLUMN = 16383;
  var CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

  function columnLetters(index) {
    var letters = "";
    for (var rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
      letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
    }
    return letters;
  }

  function parseCell(text) {
    var match = CELL.exec(String(text).trim());
    if (!match) return null;
    var column = 0;
    var letters = match[1].toUpperCase();
    for (var i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
    var cell = { row: Number(match[2]) - 1, column: column - 1 };
    return cell.row <= LAST_ROW && cell.column <= LAST_COLUMN ? cell : null;
  }

  /** "B3" or "B3:D5" (with or without $) → { top, left, bottom, right }, or null. */
  function parseBox(reference) {
    var corners = String(reference).split(":");
    if (corners.length > 2) return null;
    var first = parseCell(corners[0]);
    var last = corners.length === 2 ? parseCell(corners[1]) : first;
    if (!first || !last) return null;
    return {
      top: Math.min(first.row, last.row),
      left: Math.min(first.column, last.column),
      bottom: Math.max(first.row, last.row),
      right: Math.max(first.column, last.column),
    };
  }

  function cellText(row, column, absolute) {
    var dollar = absolute ? "$" : "";
    return dollar + columnLetters(column) + dollar + (row + 1);
  }

  function boxText(box, absolute) {
    var first = cellText(box.top, box.left, absolute);
    if (box.top === box.bottom && box.left === box.right) return first;
    return first + ":" + cellText(box.bottom, box.right, absolute);
  }

  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCell(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  /** "'My Book'!$A$1:$B$2" → { sheet: "My Book", reference: "$A$1:$B$2" }; sheet is null without "!". */
  function splitSheet(address) {
    var text = String(address).replace(/^=/, "").trim();
    var bang = text.lastIndexOf("!");
    if (bang < 0) return { sheet: null, reference: text };
    var sheet = text.slice(0, bang);
    if (sheet.length >= 2 && sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") {
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    }
    return { sheet: sheet, reference: text.slice(bang + 1) };
  }

  // ---------------------------------------------------------------- errors (as OfficeExtension.Error)
  var ERROR_CODES = {
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
    conflict: "Conflict",
    generalException: "GeneralException",
    insertDeleteConflict: "InsertDeleteConflict",
    invalidArgument: "InvalidArgument",
    invalidBinding: "InvalidBinding",
    invalidOperation: "InvalidOperation",
    invalidReference: "InvalidReference",
    invalidSelection: "InvalidSelection",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    notImplemented: "NotImplemented",
    unsupportedOperation: "UnsupportedOperation",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  };

  function officeError(code, message) {
    var error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    error.debugInfo = { code: code, message: message };
    return error;
  }

  function notLoaded(property) {
    return officeError(
      "PropertyNotLoaded",
      "The property '" + property + "' is not available. Before reading the property's value, call the load method on " +
        'the containing object and call "context.sync()" on the associated request context.',
    );
  }

  // ---------------------------------------------------------------- the workbook model
  var UNEVALUATED = "#UNEVALUATED!";

  function createBook() {
    var book = { sheets: [], names: [], selection: null, activeSheet: null, spills: [] };
    var first = addSheet(book, "Sheet1");
    book.selection = { sheet: first, box: { top: 0, left: 0, bottom: 0, right: 0 } };
    book.activeSheet = first;
    return book;
  }

  function findSheet(book, name) {
    var key = String(name).toLowerCase();
    for (var i = 0; i < book.sheets.length; i++) if (book.sheets[i].name.toLowerCase() === key) return book.sheets[i];
    return null;
  }

  function addSheet(book, name) {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw officeError("InvalidArgument", "The sheet name " + JSON.stringify(name) + " is not valid.");
    }
    if (findSheet(book, name)) throw officeError("ItemAlreadyExists", "A sheet named " + name + " already exists.");
    var sheet = { name: name, cells: new Map(), charts: [] };
    book.sheets.push(sheet);
    return sheet;
  }

  function nextSheetName(book) {
    for (var n = book.sheets.length + 1; ; n++) if (!findSheet(book, "Sheet" + n)) return "Sheet" + n;
  }

  function key(row, column) {
    return row + "," + column;
  }

  function cellAt(sheet, row, column) {
    return sheet.cells.get(key(row, column)) || null;
  }

  function editCell(sheet, row, column, change) {
    var id = key(row, column);
    var cell = sheet.cells.get(id) || { value: undefined, formula: undefined, numberFormat: undefined };
    change(cell);
    if (cell.value === undefined && cell.formula === undefined && cell.numberFormat === undefined) sheet.cells.delete(id);
    else sheet.cells.set(id, cell);
  }

  function isNumericText(text) {
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
  }

  /** Writes one input as Excel reads a typed entry (see the header). */
  function writeInput(sheet, row, column, input) {
    if (input === null || input === undefined) return;
    editCell(sheet, row, column, function (cell) {
      cell.formula = undefined;
      if (typeof input === "number") {
        if (!isFinite(input)) throw officeError("InvalidArgument", "The value " + input + " cannot be written to a cell.");
        cell.value = input;
      } else if (typeof input === "boolean") {
        cell.value = input;
      } else if (typeof input === "string") {
        if (input === "") cell.value = undefined;
        else if (cell.numberFormat === "@") cell.value = input;
        else if (/^[=+\-@]./.test(input) && !isNumericText(input)) {
          cell.value = undefined;
          cell.formula = input.charAt(0) === "=" ? input : "=" + input.replace(/^@/, "");
        } else if (isNumericText(input)) cell.value = Number(input);
        else if (/^(true|false)$/i.test(input)) cell.value = input.toLowerCase() === "true";
        else cell.value = input;
      } else {
        throw officeError("InvalidArgument", "Cells hold numbers, strings and booleans, not " + typeof input + ".");
      }
    });
  }

  /** The result of a formula (set by setFormulaResult) that covers (row, column), while its anchor still holds a formula. */
  function spillAt(sheet, row, column) {
    var spills = book.spills;
    for (var i = 0; i < spills.length; i++) {
      var spill = spills[i];
      var box = spill.box;
      if (spill.sheet !== sheet || row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      var anchor = cellAt(sheet, box.top, box.left);
      if (anchor && anchor.formula === spill.formula) return spill;
    }
    return null;
  }

  function spilledValue(spill, row, column) {
    return spill.values[row - spill.box.top][column - spill.box.left];
  }

  function readValue(cell, sheet, row, column) {
    var spill = spillAt(sheet, row, column);
    if (spill) return spilledValue(spill, row, column);
    if (!cell) return "";
    if (cell.formula !== undefined) return UNEVALUATED;
    return cell.value === undefined ? "" : cell.value;
  }

  function readFormula(cell, sheet, row, column) {
    if (cell && cell.formula !== undefined) return cell.formula;
    var spill = spillAt(sheet, row, column);
    if (spill) return spilledValue(spill, row, column);
    if (!cell) return "";
    return cell.value === undefined ? "" : cell.value;
  }

  function readNumberFormat(cell) {
    return cell && cell.numberFormat !== undefined ? cell.numberFormat : "General";
  }

  function forEachCell(box, visit) {
    for (var r = box.top; r <= box.bottom; r++) for (var c = box.left; c <= box.right; c++) visit(r, c, r - box.top, c - box.left);
  }

  function grid(sheet, box, read) {
    var rows = [];
    for (var r = box.top; r <= box.bottom; r++) {
      var row = [];
      for (var c = box.left; c <= box.right; c++) row.push(read(cellAt(sheet, r, c), sheet, r, c));
      rows.push(row);
    }
    return rows;
  }

  function checkShape(input, box, property) {
    var rows = box.bottom - box.top + 1;
    var columns = box.right - box.left + 1;
    var fits = Array.isArray(input) && input.length === rows && input.every(function (row) {
      return Array.isArray(row) && row.length === columns;
    });
    if (!fits) {
      throw officeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" + property + ", " +
          rows + " × " + columns + ").",
      );
    }
  }

  function clearBox(sheet, box, applyTo) {
    var what = applyTo || "All";
    forEachCell(box, function (r, c) {
      editCell(sheet, r, c, function (cell) {
        if (what === "All" || what === "Contents") {
          cell.value = undefined;
          cell.formula = undefined;
        }
        if (what === "All" || what === "Formats") cell.numberFormat = undefined;
      });
    });
  }

  function sheetBoxText(sheet, box, absolute) {
    return quoteSheet(sheet.name) + "!" + boxText(box, absolute);
  }

  // ---------------------------------------------------------------- proxies with load / sync semantics
  function normaliseLoad(argument) {
    if (argument === undefined) return [];
    if (typeof argument === "string") return argument.split(",");
    if (Array.isArray(argument)) return argument;
    if (argument && typeof argument.select === "string") return argument.select.split(",");
    return Object.keys(argument || {}).filter(function (name) {
      return argument[name];
    });
  }

  /**
   * A client object: `resolve()` finds its target when the queue runs (so an object added earlier in the same batch
   * is found); `nullable` proxies come from *OrNullObject methods.
   */
  function ClientObject(context, resolve, nullable) {
    this.context = context;
    this._resolve = resolve;
    this._nullable = !!nullable;
    this._loaded = {};
    this._nullKnown = false;
    this._isNull = false;
    if (nullable) {
      var self = this;
      context._queue.push(function () {
        self._isNull = resolve() === null;
        self._nullKnown = true;
      });
    }
  }

  ClientObject.prototype._target = function (what) {
    var target = this._resolve();
    if (target === null || target === undefined) throw officeError("ItemNotFound", "The requested " + what + " doesn't exist.");
    return target;
  };

  ClientObject.prototype._enqueue = function (operation) {
    this.context._queue.push(operation);
  };

  Object.defineProperty(ClientObject.prototype, "isNullObject", {
    get: function () {
      if (!this._nullable) return false;
      if (!this._nullKnown) throw notLoaded("isNullObject");
      return this._isNull;
    },
  });

  /** Queues a load: at sync, each listed property is read from the target into this proxy. */
  ClientObject.prototype.load = function (properties) {
    var self = this;
    var names = normaliseLoad(properties).map(function (name) {
      return String(name).trim();
    });
    this._enqueue(function () {
      // A null object's properties load as null; any other missing target fails the batch, as in Excel.
      var target = self._nullable ? self._resolve() : self._target("object");
      names.forEach(function (name) {
        var path = name.split("/");
        if (path.length === 2) self._loadPath(path[0], path[1], target);
        else self._loaded[name] = target === null ? null : self._read(target, name);
      });
    });
    return this;
  };

  ClientObject.prototype._loadPath = function (first) {
    throw officeError("InvalidArgument", "The fake cannot load " + first + "/… on this object.");
  };

  ClientObject.prototype.toJSON = function () {
    return Object.assign({}, this._loaded);
  };

  function loadable(Type, names) {
    names.forEach(function (name) {
      Object.defineProperty(Type.prototype, name, {
        configurable: true,
        get: function () {
          if (!Object.prototype.hasOwnProperty.call(this._loaded, name)) throw notLoaded(name);
          return this._loaded[name];
        },
      });
    });
  }

  function writable(Type, name, write) {
    var descriptor = Object.getOwnPropertyDescriptor(Type.prototype, name) || {};
    Object.defineProperty(Type.prototype, name, {
      configurable: true,
      get: descriptor.get,
      set: function (input) {
        var self = this;
        this._enqueue(function () {
          write(self, input);
        });
      },
    });
  }

  function inherit(Type) {
    Type.prototype = Object.create(ClientObject.prototype);
    Type.prototype.constructor = Type;
  }

  // Range ------------------------------------------------------------------------------------------------
  /** resolve() → { sheet, box } */
  function RangeProxy(context, resolve, nullable) {
    ClientObject.call(this, context, resolve, nullable);
    this._worksheet = null;
  }
  inherit(RangeProxy);
  loadable(RangeProxy, ["values", "formulas", "numberFormat", "address", "rowCount", "columnCount", "rowIndex", "columnIndex"]);

  RangeProxy.prototype._read = function (target, name) {
    var box = target.box;
    if (name === "values") return grid(target.sheet, box, readValue);
    if (name === "formulas") return grid(target.sheet, box, readFormula);
    if (name === "numberFormat") return grid(target.sheet, box, readNumberFormat);
    if (name === "address") return sheetBoxText(target.sheet, box, false);
    if (name === "rowCount") return box.bottom - box.top + 1;
    if (name === "columnCount") return box.right - box.left + 1;
    if (name === "rowIndex") return box.top;
    if (name === "columnIndex") return box.left;
    throw officeError("InvalidArgument", "The fake Range has no property " + name + ".");
  };

  function writeGrid(property, write) {
    return function (proxy, input) {
      var target = proxy._target("range");
      checkShape(input, target.box, property);
      forEachCell(target.box, function (r, c, i, j) {
        write(target.sheet, r, c, input[i][j]);
      });
    };
  }

  writable(RangeProxy, "values", writeGrid("values", writeInput));
  writable(RangeProxy, "formulas", writeGrid("formulas", writeInput));
  writable(
    RangeProxy,
    "numberFormat",
    writeGrid("numberFormat", function (sheet, r, c, format) {
      if (format === null || format === undefined) return;
      editCell(sheet, r, c, function (cell) {
        cell.numberFormat = format === "General" ? undefined : String(format);
      });
    }),
  );

  Object.defineProperty(RangeProxy.prototype, "worksheet", {
    get: function () {
      var self = this;
      if (!this._worksheet) {
        this._worksheet = new WorksheetProxy(this.context, function () {
          return self._target("range").sheet;
        });
      }
      return this._worksheet;
    },
  });

  RangeProxy.prototype._loadPath = function (first, second) {
    if (first !== "worksheet") return ClientObject.prototype._loadPath.call(this, first);
    this.worksheet._loaded[second] = this.worksheet._read(this._target("range").sheet, second);
  };

  RangeProxy.prototype.getCell = function (row, column) {
    var self = this;
    return new RangeProxy(this.context, function () {
      var target = self._target("range");
      var top = target.box.top + row;
      var left = target.box.left + column;
      if (!(row >= 0 && column >= 0 && top <= LAST_ROW && left <= LAST_COLUMN)) throw officeError("InvalidArgument", "getCell(" + row + ", " + column + ") is outside the sheet.");
      return { sheet: target.sheet, box: { top: top, left: left, bottom: top, right: left } };
    });
  };

  function singleCell(target, method) {
    var box = target.box;
    if (box.top !== box.bottom || box.left !== box.right) throw officeError("InvalidArgument", method + " needs a single cell.");
    return box;
  }

  /** ExcelApi 1.12: the anchor of the spill this cell lies in (the anchor itself for an anchor), else a null object. */
  RangeProxy.prototype.getSpillParentOrNullObject = function () {
    var self = this;
    return new RangeProxy(
      this.context,
      function () {
        var target = self._target("range");
        var box = singleCell(target, "getSpillParentOrNullObject");
        var spill = spillAt(target.sheet, box.top, box.left);
        if (!spill) return null;
        return { sheet: target.sheet, box: { top: spill.box.top, left: spill.box.left, bottom: spill.box.top, right: spill.box.left } };
      },
      true,
    );
  };

  /** ExcelApi 1.12: the range an anchor spills into (B2#), else a null object. */
  RangeProxy.prototype.getSpillingToRangeOrNullObject = function () {
    var self = this;
    return new RangeProxy(
      this.context,
      function () {
        var target = self._target("range");
        var box = singleCell(target, "getSpillingToRangeOrNullObject");
        var spill = spillAt(target.sheet, box.top, box.left);
        return spill && spill.box.top === box.top && spill.box.left === box.left ? { sheet: target.sheet, box: spill.box } : null;
      },
      true,
    );
  };

  RangeProxy.prototype.clear = function (applyTo) {
    var self = this;
    this._enqueue(function () {
      var target = self._target("range");
      clearBox(target.sheet, target.box, applyTo);
    });
  };

  // Worksheet --------------------------------------------------------------------------------------------
  function WorksheetProxy(context, resolve, nullable) {
    ClientObject.call(this, context, resolve, nullable);
    this._charts = null;
  }
  inherit(WorksheetProxy);
  loadable(WorksheetProxy, ["name", "position"]);

  WorksheetProxy.prototype._read = function (sheet, name) {
    var book = this.context._book;
    if (name === "name") return sheet.name;
    if (name === "position") return book.sheets.indexOf(sheet);
    throw officeError("InvalidArgument", "The fake Worksheet has no property " + name + ".");
  };

  WorksheetProxy.prototype.getRange = function (address) {
    var self = this;
    var parts = splitSheet(address === undefined ? "A1" : address);
    var box = parseBox(parts.reference);
    return new RangeProxy(this.context, function () {
      if (parts.sheet !== null || !box) throw officeError("InvalidArgument", "The address " + JSON.stringify(address) + " is not valid on a worksheet.");
      return { sheet: self._target("worksheet"), box: box };
    });
  };

  WorksheetProxy.prototype.activate = function () {
    var self = this;
    var book = this.context._book;
    this._enqueue(function () {
      book.activeSheet = self._target("worksheet");
    });
  };

  /** Worksheet.names (ExcelApi 1.4): the sheet-scoped names (added by the test handle's addSheetName). */
  Object.defineProperty(WorksheetProxy.prototype, "names", {
    get: function () {
      var worksheet = this;
      if (!this._names) {
        this._names = {
          getItemOrNullObject: function (name) {
            return new NamedItemProxy(
              worksheet.context,
              function () {
                var sheet = worksheet._resolve();
                var wanted = String(name).toLowerCase();
                var found = sheet ? (sheet.names || []).filter(function (entry) {
                  return entry.name.toLowerCase() === wanted;
                }) : [];
                return found[0] || null;
              },
              true,
            );
          },
        };
      }
      return this._names;
    },
  });

  Object.defineProperty(WorksheetProxy.prototype, "charts", {
    get: function () {
      if (!this._charts) this._charts = new ChartCollectionProxy(this.context, this);
      return this._charts;
    },
  });

  // Charts (recorded, not drawn) -------------------------------------------------------------------------
  function ChartCollectionProxy(context, worksheet) {
    ClientObject.call(this, context, function () {
      return worksheet._target("worksheet");
    });
  }
  inherit(ChartCollectionProxy);
  loadable(ChartCollectionProxy, ["count"]);

  ChartCollectionProxy.prototype._read = function (sheet, name) {
    if (name === "count") return sheet.charts.length;
    throw officeError("InvalidArgument", "The fake ChartCollection has no property " + name + ".");
  };

  ChartCollectionProxy.prototype.add = function (type, sourceData, seriesBy) {
    var self = this;
    var chart = null;
    this._enqueue(function () {
      var sheet = self._target("worksheet");
      if (!(sourceData instanceof RangeProxy)) throw officeError("InvalidArgument", "charts.add needs a Range as its source data.");
      var source = sourceData._target("range");
      chart = { type: String(type), source: sheetBoxText(source.sheet, source.box, true), seriesBy: seriesBy || "Auto", title: "", position: null };
      chart.name = "Chart " + (sheet.charts.length + 1);
      sheet.charts.push(chart);
    });
    return new ChartProxy(this.context, function () {
      return chart;
    });
  };

  function ChartProxy(context, resolve) {
    ClientObject.call(this, context, resolve);
    var self = this;
    this.title = {};
    Object.defineProperty(this.title, "text", {
      set: function (text) {
        self._enqueue(function () {
          self._target("chart").title = String(text);
        });
      },
    });
  }
  inherit(ChartProxy);
  loadable(ChartProxy, ["name"]);

  ChartProxy.prototype._read = function (chart, name) {
    if (name === "name") return chart.name;
    throw officeError("InvalidArgument", "The fake Chart has no property " + name + ".");
  };

  ChartProxy.prototype.setPosition = function (startCell, endCell) {
    var self = this;
    this._enqueue(function () {
      if (!parseBox(startCell) || (endCell !== undefined && !parseBox(endCell))) throw officeError("InvalidArgument", "setPosition needs cell addresses.");
      self._target("chart").position = { start: startCell, end: endCell === undefined ? null : endCell };
    });
  };

  // Worksheets -------------------------------------------------------------------------------------------
  function WorksheetCollectionProxy(context) {
    ClientObject.call(this, context, function () {
      return context._book;
    });
    this._items = null;
  }
  inherit(WorksheetCollectionProxy);

  Object.defineProperty(WorksheetCollectionProxy.prototype, "items", {
    get: function () {
      if (this._items === null) throw notLoaded("items");
      return this._items;
    },
  });

  WorksheetCollectionProxy.prototype.load = function (properties) {
    var self = this;
    var context = this.context;
    var wanted = normaliseLoad(properties)
      .map(function (name) {
        return String(name).trim();
      })
      .filter(function (name) {
        return name.indexOf("items/") === 0;
      })
      .map(function (name) {
        return name.slice("items/".length);
      });
    this._enqueue(function () {
      self._items = context._book.sheets.map(function (sheet) {
        var item = new WorksheetProxy(context, function () {
          return sheet;
        });
        (wanted.length ? wanted : ["name", "position"]).forEach(function (name) {
          item._loaded[name] = item._read(sheet, name);
        });
        return item;
      });
    });
    return this;
  };

  WorksheetCollectionProxy.prototype.getItem = function (name) {
    var book = this.context._book;
    return new WorksheetProxy(this.context, function () {
      return findSheet(book, name);
    });
  };

  WorksheetCollectionProxy.prototype.getItemOrNullObject = function (name) {
    var book = this.context._book;
    return new WorksheetProxy(
      this.context,
      function () {
        return findSheet(book, name);
      },
      true,
    );
  };

  WorksheetCollectionProxy.prototype.getActiveWorksheet = function () {
    var book = this.context._book;
    return new WorksheetProxy(this.context, function () {
      return book.activeSheet;
    });
  };

  WorksheetCollectionProxy.prototype.add = function (name) {
    var book = this.context._book;
    var created = null;
    this._enqueue(function () {
      created = addSheet(book, name === undefined ? nextSheetName(book) : name);
    });
    return new WorksheetProxy(this.context, function () {
      return created;
    });
  };

  // Names ------------------------------------------------------------------------------------------------
  var NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

  function findName(book, name) {
    var wanted = String(name).toLowerCase();
    for (var i = 0; i < book.names.length; i++) if (book.names[i].name.toLowerCase() === wanted) return book.names[i];
    return null;
  }

  /** A name's reference: a range { sheet, box } or a constant formula. */
  function referenceOf(book, reference) {
    if (reference instanceof RangeProxy) return { range: reference._target("range"), formula: null };
    var parts = splitSheet(reference);
    var box = parts.sheet === null ? null : parseBox(parts.reference);
    var sheet = box ? findSheet(book, parts.sheet) : null;
    if (sheet) return { range: { sheet: sheet, box: box }, formula: null };
    var text = String(reference);
    return { range: null, formula: text.charAt(0) === "=" ? text : "=" + text };
  }

  function constantOf(formula) {
    var text = formula.slice(1).trim();
    if (isNumericText(text)) return { type: "Double", value: Number(text) };
    if (/^(true|false)$/i.test(text)) return { type: "Boolean", value: text.toLowerCase() === "true" };
    if (/^".*"$/.test(text)) return { type: "String", value: text.slice(1, -1).replace(/""/g, '"') };
    return { type: "String", value: formula };
  }

  function NamedItemProxy(context, resolve, nullable) {
    ClientObject.call(this, context, resolve, nullable);
  }
  inherit(NamedItemProxy);
  loadable(NamedItemProxy, ["name", "type", "value", "formula", "comment", "visible", "scope"]);

  NamedItemProxy.prototype._read = function (entry, name) {
    var absolute = entry.range ? "=" + sheetBoxText(entry.range.sheet, entry.range.box, true) : entry.formula;
    if (name === "name") return entry.name;
    if (name === "type") return entry.range ? "Range" : constantOf(entry.formula).type;
    if (name === "value") return entry.range ? absolute.slice(1) : constantOf(entry.formula).value;
    if (name === "formula") return absolute;
    if (name === "comment") return entry.comment;
    if (name === "visible") return true;
    if (name === "scope") return "Workbook";
    throw officeError("InvalidArgument", "The fake NamedItem has no property " + name + ".");
  };

  NamedItemProxy.prototype.getRange = function () {
    var self = this;
    return new RangeProxy(this.context, function () {
      var entry = self._target("name");
      if (!entry.range) throw officeError("InvalidArgument", "The name " + entry.name + " does not refer to a range.");
      return entry.range;
    });
  };

  NamedItemProxy.prototype.getRangeOrNullObject = function () {
    var self = this;
    return new RangeProxy(
      this.context,
      function () {
        var entry = self._resolve();
        return entry && entry.range ? entry.range : null;
      },
      true,
    );
  };

  NamedItemProxy.prototype.delete = function () {
    var self = this;
    var book = this.context._book;
    this._enqueue(function () {
      var entry = self._target("name");
      book.names.splice(book.names.indexOf(entry), 1);
    });
  };

  function NamedItemCollectionProxy(context) {
    ClientObject.call(this, context, function () {
      return context._book;
    });
  }
  inherit(NamedItemCollectionProxy);

  NamedItemCollectionProxy.prototype.add = function (name, reference, comment) {
    var book = this.context._book;
    var entry = null;
    this._enqueue(function () {
      if (typeof name !== "string" || !NAME_PATTERN.test(name) || parseCell(name) || /^[rc]$/i.test(name)) {
        throw officeError("InvalidArgument", "The name " + JSON.stringify(name) + " is not a valid name.");
      }
      if (findName(book, name)) throw officeError("ItemAlreadyExists", "The name " + name + " already exists.");
      var target = referenceOf(book, reference);
      entry = { name: name, range: target.range, formula: target.formula, comment: comment === undefined ? "" : String(comment) };
      book.names.push(entry);
    });
    return new NamedItemProxy(this.context, function () {
      return entry;
    });
  };

  NamedItemCollectionProxy.prototype.getItem = function (name) {
    var book = this.context._book;
    return new NamedItemProxy(this.context, function () {
      return findName(book, name);
    });
  };

  NamedItemCollectionProxy.prototype.getItemOrNullObject = function (name) {
    var book = this.context._book;
    return new NamedItemProxy(
      this.context,
      function () {
        return findName(book, name);
      },
      true,
    );
  };

  // Workbook and request context -------------------------------------------------------------------------
  function WorkbookProxy(context) {
    ClientObject.call(this, context, function () {
      return context._book;
    });
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
  }
  inherit(WorkbookProxy);

  WorkbookProxy.prototype.getSelectedRange = function () {
    var book = this.context._book;
    return new RangeProxy(this.context, function () {
      if (!book.selection || book.sheets.indexOf(book.selection.sheet) < 0) throw officeError("InvalidSelection", "Nothing is selected.");
      return book.selection;
    });
  };

  var book = createBook();

  function RequestContext() {
    this._book = book;
    this._queue = [];
    this.workbook = new WorkbookProxy(this);
  }

  /** Runs the queued operations in order; the first error rejects and drops the rest of the batch. */
  RequestContext.prototype.sync = function () {
    var queue = this._queue;
    this._queue = [];
    return Promise.resolve().then(function () {
      for (var i = 0; i < queue.length; i++) queue[i]();
    });
  };

  function run(first, second) {
    var batch = typeof first === "function" ? first : second;
    if (typeof batch !== "function") return Promise.reject(officeError("InvalidArgument", "Excel.run needs a batch function."));
    var context = new RequestContext();
    return Promise.resolve()
      .then(function () {
        return batch(context);
      })
      .then(function (result) {
        return context.sync().then(function () {
          return result;
        });
      });
  }

  root.Excel = {
    run: run,
    RequestContext: RequestContext,
    ErrorCodes: ERROR_CODES,
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    NamedItemType: { string: "String", integer: "Integer", double: "Double", boolean: "Boolean", range: "Range", error: "Error", array: "Array" },
  };

  // ---------------------------------------------------------------- Office
  var hostInfo = { host: "Excel", platform: "OfficeOnline" };
  root.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    onReady: function (callback) {
      if (typeof callback === "function") callback(hostInfo);
      return Promise.resolve(hostInfo);
    },
    actions: { associate: function () {} },
  };

  // ---------------------------------------------------------------- CustomFunctions (the functions bundle registers)
  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message;
  }
  root.CustomFunctions = {
    associate: function () {},
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  // ---------------------------------------------------------------- test handle
  function sheetOrThrow(name) {
    var sheet = findSheet(book, name);
    if (!sheet) throw new Error("The fake workbook has no sheet named " + name);
    return sheet;
  }

  function listCells(sheetName, pick) {
    var sheet = sheetOrThrow(sheetName);
    var out = {};
    Array.from(sheet.cells.keys())
      .map(function (id) {
        var parts = id.split(",");
        return { row: Number(parts[0]), column: Number(parts[1]), id: id };
      })
      .sort(function (a, b) {
        return a.row - b.row || a.column - b.column;
      })
      .forEach(function (position) {
        var shown = pick(sheet.cells.get(position.id));
        if (shown !== undefined) out[cellText(position.row, position.column, false)] = shown;
      });
    return out;
  }

  root.__xvegaTestWorkbook = {
    setCells: function (sheetName, topLeftAddress, values2D) {
      var sheet = findSheet(book, sheetName) || addSheet(book, sheetName);
      var start = parseCell(topLeftAddress);
      if (!start) throw new Error("setCells needs a top-left cell such as A1, not " + topLeftAddress);
      values2D.forEach(function (row, i) {
        row.forEach(function (value, j) {
          editCell(sheet, start.row + i, start.column + j, function (cell) {
            var isFormula = typeof value === "string" && value.charAt(0) === "=";
            cell.formula = isFormula ? value : undefined;
            cell.value = isFormula || value === null || value === "" ? undefined : value;
          });
        });
      });
    },
    addSheetName: function (sheetName, name, address) {
      var sheet = sheetOrThrow(sheetName);
      var reference = referenceOf(book, address);
      sheet.names = (sheet.names || []).concat([{ name: name, range: reference.range, formula: reference.formula, comment: "" }]);
    },
    setFormulaResult: function (sheetName, anchorAddress, formula, values2D) {
      var sheet = findSheet(book, sheetName) || addSheet(book, sheetName);
      var start = parseCell(anchorAddress);
      if (!start) throw new Error("setFormulaResult needs an anchor cell such as B2, not " + anchorAddress);
      if (typeof formula !== "string" || formula.charAt(0) !== "=") throw new Error("setFormulaResult needs a formula starting with =");
      var rows = values2D.length;
      var columns = rows > 0 ? values2D[0].length : 0;
      if (rows === 0 || columns === 0) throw new Error("setFormulaResult needs at least one value");
      editCell(sheet, start.row, start.column, function (cell) {
        cell.formula = formula;
        cell.value = undefined;
      });
      book.spills = book.spills.filter(function (spill) {
        return !(spill.sheet === sheet && spill.box.top === start.row && spill.box.left === start.column);
      });
      book.spills.push({
        sheet: sheet,
        formula: formula,
        box: { top: start.row, left: start.column, bottom: start.row + rows - 1, right: start.column + columns - 1 },
        values: values2D,
      });
    },
    select: function (sheetName, address) {
      var box = parseBox(address);
      if (!box) throw new Error("select needs an address such as A1:B4, not " + address);
      book.selection = { sheet: sheetOrThrow(sheetName), box: box };
      book.activeSheet = book.selection.sheet;
    },
    cells: function (sheetName) {
      return listCells(sheetName, function (cell) {
        if (cell.formula !== undefined) return cell.formula;
        return cell.value;
      });
    },
    formulas: function (sheetName) {
      return listCells(sheetName, function (cell) {
        return cell.formula;
      });
    },
    names: function () {
      var out = {};
      book.names.forEach(function (entry) {
        out[entry.name] = entry.range ? sheetBoxText(entry.range.sheet, entry.range.box, true) : entry.formula;
      });
      return out;
    },
    sheetNames: function () {
      return book.sheets.map(function (sheet) {
        return sheet.name;
      });
    },
    chartCount: function (sheetName) {
      return sheetOrThrow(sheetName).charts.length;
    },
    charts: function (sheetName) {
      return sheetOrThrow(sheetName).charts.map(function (chart) {
        return { type: chart.type, source: chart.source, seriesBy: chart.seriesBy, title: chart.title, position: chart.position };
      });
    },
  };
})(typeof window !== "undefined" ? window : globalThis);
