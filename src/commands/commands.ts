/*
 * Ribbon commands. The only button (Home › xvega › Correlations & hedge) is a ShowTaskpane action, which needs no code,
 * so nothing is associated here. In the shared runtime the FunctionFile is taskpane.html: a future ExecuteFunction
 * command must be associated from a bundle that taskpane.html loads, not from this page.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}
