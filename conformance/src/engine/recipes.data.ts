/**
 * The little a check cannot derive from the spec, as data. A resource kind (`chat` from `chat_id`) is created by
 * the operation whose success response is the component schema of that name (`Chat` → createChat); the entries
 * here name the operation where that derivation is ambiguous or impossible.
 */
export const RECIPES: Record<string, { operationId: string; id?: string }> = {
  // The upload's result schema is UploadResult, not Media; the key identifies the file.
  media: { operationId: 'uploadMedia', id: 'key' },
};

/** Parameters and fields that carry a user id: filled with the acting user's own id. */
export const USER_ID = /^(user_id|owner_id|author_id|target_id|friend_id|related_id|sub)$/;

/** Names of the id field in a created resource, in order of preference (`{kind}_id` is tried after `id`). */
export const ID_FIELDS = ['id', 'key'];
