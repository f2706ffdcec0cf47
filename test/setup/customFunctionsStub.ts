/*
 * Outside Excel there is no CustomFunctions global. This stands in for the two things the adapters use: the Error
 * class (code + message, as the runtime's) and the ErrorCode names with the strings Excel displays.
 */
import { installCustomFunctionsStub } from "../../src/functions/customFunctionsStub";

installCustomFunctionsStub(globalThis);
