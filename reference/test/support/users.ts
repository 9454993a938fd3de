import { randomBytes } from 'node:crypto';
import { apiClient, type ApiClient } from './client.ts';

export interface TestUser {
  userId: string;
  token: string;
  email: string;
  api: ApiClient;
}

/** Registers a user through the users service and returns a client that calls as that user. */
export async function registerUser(baseUrl: string, name = 'user'): Promise<TestUser> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const { data, response } = await apiClient(baseUrl).POST('/api/users', {
    body: { email, password: 'correct-horse', name },
  });
  if (response.status !== 201 || !data) throw new Error(`register failed: ${response.status}`);
  return { userId: data.user_id, token: data.access_token, email, api: apiClient(baseUrl, data.access_token) };
}
