export * from './enums';
export * from './organizations';
export * from './users';
export * from './vocabularies';
export * from './actors';
export * from './sources';
export * from './incidents';
export * from './cases';
