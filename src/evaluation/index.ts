/** @module Evaluation: question sets and the scores `sposa eval` and the benchmark report. */
export { type EvalItem, evalItemSchema, parseDevSet } from './dev-set.js';
export { citationMatches, type EvalReport, type EvalRow, evaluate, type Score, scoreAnswer, summarise } from './evaluate.js';
