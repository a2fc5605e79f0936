export * from './grid';
export * from './types';
