/** One figure of a bench section with its budget, as bench/run.ts's budget tables print it. */
export type BudgetRow = Readonly<{ name: string; ms: number; budgetMs: number }>;
