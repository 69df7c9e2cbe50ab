// Tables of the transfers area (its own migration file); filled in with that area's migration.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TransferTables {}
