/** Every derived number Statboard shows: pure functions of normalized API data. */
export * from './series';
export * from './sparkline';
export * from './commitActivity';
export * from './codeFrequency';
export * from './contributors';
export * from './contributorSummary';
export * from './participation';
export * from './punchCard';
export * from './insights';
export * from './format';
export * from './exportData';
export * from './orgActivity';
export * from './budget';
