-- Access tokens to refuse while they may still be live (issue 19): a sign-in ended (logout, refresh-token reuse)
-- or a user's roles changed (tokens of an older roles version). The gateways read this list every second; rows
-- older than an access token's lifetime are deleted.
ALTER TABLE users ADD COLUMN roles_version integer NOT NULL DEFAULT 0;

CREATE TABLE token_revocations (
    sign_in_id uuid NULL,
    user_id uuid NULL,
    -- Tokens of user_id with a lower roles version (claim `rv`) are refused.
    roles_version integer NULL,
    revoked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((sign_in_id IS NULL) <> (user_id IS NULL AND roles_version IS NULL))
);
CREATE INDEX token_revocations_revoked_at ON token_revocations (revoked_at);
