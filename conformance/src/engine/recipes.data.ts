/**
 * The little a check cannot derive from the spec, as data. A resource kind (`chat` from `chat_id`) is created by
 * the operation whose success response is the component schema of that name (`Chat` → createChat); the entries
 * here name the operation where that derivation is ambiguous or impossible.
 */
export const RECIPES: Record<string, { operationId: string; id?: string }> = {
  // The upload's result schema is UploadResult, not Media; the key identifies the file.
  media: { operationId: 'uploadMedia', id: 'key' },
};

/**
 * Reads of something a user has at most one of, made by an operation that names no id (a profile is made by
 * `PUT /profile`): that operation runs once for the user before the read is filled, so a 404 to the read means the
 * read is missing, not that this user's profile happens not to exist yet (which depended on which checks ran first).
 */
export const MADE_BEFORE_READ: Record<string, string> = {
  getProfile: 'upsertProfile',
};

/** Parameters and fields that carry a user id: filled with the acting user's own id. */
export const USER_ID = /^(user_id|owner_id|author_id|target_id|friend_id|related_id|sub)$/;

/** Names of the id field in a created resource, in order of preference (`{kind}_id` is tried after `id`). */
export const ID_FIELDS = ['id', 'key'];
