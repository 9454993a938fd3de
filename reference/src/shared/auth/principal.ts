/** Who is calling: the verified token's subject, its roles, and the raw bearer token (forwarded to other services). */
export interface Principal {
  userId: string;
  roles: string[];
  token: string;
}

/** Turns a bearer token into a principal, or throws `InvalidTokenError`. One per service (a variant may swap it). */
export type Authenticator = (token: string) => Promise<Principal>;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}
