// MongoDB is schemaless: no migrations yet. Data migrations go here when needed.
export const migrations = [];
