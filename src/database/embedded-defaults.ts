/** Port of the embedded PostgreSQL that `npm start` runs in .data/ (kept off 5432 to avoid a local server). */
export const EMBEDDED_DEFAULT_PORT = 54329;
export const EMBEDDED_DATABASE = 'safe_return';
