import type { Queryable } from '../../../shared/db/queryable.ts';

export interface CommentRow {
  id: number;
  post_id: number;
  user_id: string;
  reply_id: number | null;
  text: string;
  created_at: Date;
}

/** Likes are rows, counted on read: liking twice counts once (the original's counter counted every call). */
export const feedbackRepo = {
  async like(q: Queryable, postId: number, userId: string) {
    await q.query('INSERT INTO feedback.likes (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      postId,
      userId,
    ]);
  },
  async unlike(q: Queryable, postId: number, userId: string) {
    await q.query('DELETE FROM feedback.likes WHERE post_id = $1 AND user_id = $2', [postId, userId]);
  },
  async likes(q: Queryable, postId: number): Promise<number> {
    return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback.likes WHERE post_id = $1', [postId]))
      .rows[0]!.n;
  },
  async counts(q: Queryable, postId: number): Promise<{ likes: number; comments: number }> {
    return (
      await q.query<{ likes: number; comments: number }>(
        `SELECT (SELECT count(*)::int FROM feedback.likes WHERE post_id = $1) AS likes,
                (SELECT count(*)::int FROM feedback.comments WHERE post_id = $1) AS comments`,
        [postId],
      )
    ).rows[0]!;
  },
  async insertComment(
    q: Queryable,
    c: { postId: number; userId: string; replyId: number | null; text: string },
  ): Promise<CommentRow> {
    return (
      await q.query<CommentRow>(
        'INSERT INTO feedback.comments (post_id, user_id, reply_id, text) VALUES ($1, $2, $3, $4) RETURNING *',
        [c.postId, c.userId, c.replyId, c.text],
      )
    ).rows[0]!;
  },
  async commentPost(q: Queryable, id: number): Promise<number | undefined> {
    return (await q.query<{ post_id: number }>('SELECT post_id FROM feedback.comments WHERE id = $1', [id])).rows[0]
      ?.post_id;
  },
  async commentOwner(q: Queryable, id: string): Promise<string | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    return (await q.query<{ user_id: string }>('SELECT user_id FROM feedback.comments WHERE id = $1', [id])).rows[0]
      ?.user_id;
  },
  async comments(q: Queryable, postId: number, limit: number, offset: number): Promise<CommentRow[]> {
    return (
      await q.query<CommentRow>(
        'SELECT * FROM feedback.comments WHERE post_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3',
        [postId, limit, offset],
      )
    ).rows;
  },
  async deleteComment(q: Queryable, id: number) {
    await q.query('DELETE FROM feedback.comments WHERE id = $1', [id]);
  },
};
