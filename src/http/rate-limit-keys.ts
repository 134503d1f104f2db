// Keys for per-route rate limits that count more narrowly than per client address.

/** Requests per client address and typed email (lower-cased): for routes that email a link to an address. */
export const perAddressAndEmail = (request: { ip: string; body?: unknown }) =>
  `${request.ip}|${String((request.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`;
