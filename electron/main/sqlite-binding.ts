// The convention itself lives in scripts/electron-sqlite-path.js, shared with scripts/start.js which builds
// the file this path names.
export { electronSqliteBindingPath } from '../../scripts/electron-sqlite-path.js';
