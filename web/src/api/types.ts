// Generic shapes of the HTTP API, only re-exported from domain/schemas: every request and response
// type of the web comes from there (see client.ts).
export type { DateString, Id, TError, TItems, TPage, Timestamp } from '../../../domain/schemas/common';
