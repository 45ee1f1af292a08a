-- A Conduit-style blog as people write it by hand: users, follows, articles, tags, an article-tag join table,
-- favorites and comments.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email citext NOT NULL,
  username text NOT NULL,
  bio text,
  image text,
  password_hash text NOT NULL,
  inserted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
  updated_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE UNIQUE INDEX users_unique_email_index ON users (email);
ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE (username);
CREATE TABLE follows (
  follower_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followed_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  inserted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (follower_id, followed_id),
  CHECK (follower_id <> followed_id)
);
CREATE TABLE articles (
  id bigserial PRIMARY KEY,
  slug text NOT NULL,
  title varchar(200) NOT NULL,
  description text NOT NULL DEFAULT '',
  body text NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  favorites_count integer NOT NULL DEFAULT 0 CHECK (favorites_count >= 0),
  published boolean NOT NULL DEFAULT false,
  inserted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
  updated_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE UNIQUE INDEX articles_slug_index ON articles (slug);
CREATE INDEX articles_author_id_index ON articles (author_id);
CREATE INDEX articles_inserted_at_index ON articles (inserted_at DESC);
CREATE TABLE tags (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE article_tags (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag_id_index ON article_tags (tag_id);
CREATE TABLE favorites (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  inserted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
  PRIMARY KEY (user_id, article_id)
);
CREATE TABLE comments (
  id bigserial PRIMARY KEY,
  body text NOT NULL,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  parent_id bigint REFERENCES comments (id) ON DELETE CASCADE,
  inserted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
  updated_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE INDEX comments_article_id_index ON comments (article_id);
