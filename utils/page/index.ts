export * from './detect';
export * from './anchor';
export * from './navigation';
export * from './mount';
export * from './controller';
export * from './panelSettings';
