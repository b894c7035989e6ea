export * from './lead';
export * from './dto';
export * from './errors';
export * from './commands';
export * from './events';
export * from './names';
export * from './email';
export * from './issue-sentences';
