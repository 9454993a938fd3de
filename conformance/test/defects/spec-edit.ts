/** The operation object of `operationId` in a service document, to edit in a fixture's `transformSpec`. */
export function findOperationIn(doc: { paths?: Record<string, any> }, operationId: string): any {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values<any>(item ?? {}))
      if (op && typeof op === 'object' && op.operationId === operationId) return op;
  }
  throw new Error(`no operation ${operationId}`);
}
