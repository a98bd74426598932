-- Users, their sign-in codes, code-request history (per-e-mail rate limit) and refresh tokens.
CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL UNIQUE,
    -- Roles granted in the database (an admin's promotion); `admin` from Auth__Admins is added when tokens are issued.
    roles text[] NOT NULL DEFAULT ARRAY['customer'],
    email_verified_at timestamptz NULL,
    avatar_key text NULL,
    avatar_content_type text NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- At most one live code per user: a new code replaces the old one.
CREATE TABLE login_codes (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    salt bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0
);

-- When codes were asked for: the per-e-mail limit holds across replicas and restarts.
CREATE TABLE login_code_requests (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requested_at timestamptz NOT NULL
);
CREATE INDEX login_code_requests_user ON login_code_requests (user_id, requested_at);

-- One sign-in (a verified code) and every refresh token rotated from it.
CREATE TABLE sign_ins (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);

CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    sign_in_id uuid NOT NULL REFERENCES sign_ins (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    -- Set when the token was exchanged for a new pair: presenting it again means it leaked.
    used_at timestamptz NULL
);
CREATE INDEX refresh_tokens_sign_in ON refresh_tokens (sign_in_id);
