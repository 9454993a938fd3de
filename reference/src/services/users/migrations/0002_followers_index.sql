-- The followers query (GET /users/{user_id}/followers, walked by the feed's fan-out): by the followed user.
CREATE INDEX IF NOT EXISTS relationships_by_related ON users.relationships (related_id, type, user_id);
