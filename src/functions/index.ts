/*
 * Entry of the custom functions bundle. Each file listed in CUSTOM_FUNCTION_FILES (webpack.config.js) declares its
 * functions with JSDoc; custom-functions-metadata-plugin writes functions.json from it and appends the
 * CustomFunctions.associate calls to that file, so importing the files here is all the registration there is.
 */
import "./vegaFunctions";
import "./hedgeFunctions";
import "./correlationFunctions";
import "./impliedVolFunctions";
import "./greeksFunctions";
import "./backtestFunctions";
