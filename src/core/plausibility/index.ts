export * from "./plausibilityThresholds";
export * from "./legNotes";
export * from "./bookNotes";
