import type { Queryable } from '../../../shared/db/queryable.ts';

export interface PostRow {
  id: number;
  user_id: string;
  description: string;
  media: string;
  views: number;
  tags: string[];
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT p.*, COALESCE((SELECT array_agg(t.tag ORDER BY t.position) FROM posts.post_tags t WHERE t.post_id = p.id), '{}') AS tags FROM posts.posts p`;

export const postsRepo = {
  /** The post and its tags in the caller's transaction (the original stored the post, then failed on a tag). */
  async insert(
    tx: Queryable,
    p: { userId: string; description: string; media: string; tags: string[] },
  ): Promise<PostRow> {
    const { rows } = await tx.query<PostRow>(
      'INSERT INTO posts.posts (user_id, description, media) VALUES ($1, $2, $3) RETURNING *',
      [p.userId, p.description, p.media],
    );
    const post = rows[0]!;
    if (p.tags.length > 0) {
      await tx.query(
        'INSERT INTO posts.post_tags (post_id, position, tag) SELECT $1, ord, tag FROM unnest($2::text[]) WITH ORDINALITY AS u(tag, ord)',
        [post.id, p.tags],
      );
    }
    return { ...post, tags: p.tags };
  },
  async byId(q: Queryable, id: number): Promise<PostRow | undefined> {
    return (await q.query<PostRow>(`${SELECT} WHERE p.id = $1`, [id])).rows[0];
  },
  async ofUser(q: Queryable, userId: string, limit: number, offset: number): Promise<PostRow[]> {
    return (
      await q.query<PostRow>(
        `${SELECT} WHERE p.user_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      )
    ).rows;
  },
  async view(q: Queryable, id: number): Promise<boolean> {
    return (await q.query('UPDATE posts.posts SET views = views + 1 WHERE id = $1', [id])).rowCount > 0;
  },
};

export const postView = (p: PostRow) => ({
  id: p.id,
  user_id: p.user_id,
  description: p.description,
  media: p.media,
  tags: p.tags,
  views: p.views,
  created_at: p.created_at,
  updated_at: p.updated_at,
});
