/** Suggestions (#15): the engine, what the analyst sees of its proposals, and accepting them. See types.ts. */
export * from './types';
export { suggest, suggestSteps } from './engine';
export { acceptOps, fitToSchema, keysOfLabel, visibleSuggestions } from './accept';
export { RULES, type RuleName } from './engine';
export { OCCURRENCE_RULE, mergeSets, occurrenceSuggestions } from './occurrences';
