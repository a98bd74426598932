-- Code requests are limited per mailbox (issue 19): `victim+1@x` and `victim@x` reach the same inbox, so they
-- count together. The mailbox is the address without its plus-tag (addresses are stored lower-case).
ALTER TABLE login_code_requests ADD COLUMN mailbox text;
UPDATE login_code_requests r SET mailbox = regexp_replace(u.email, '\+[^@]*@', '@') FROM users u WHERE u.id = r.user_id;
ALTER TABLE login_code_requests ALTER COLUMN mailbox SET NOT NULL;
CREATE INDEX login_code_requests_mailbox ON login_code_requests (mailbox, requested_at);

-- The cleanup of never-verified users looks for old unverified rows.
CREATE INDEX users_unverified_created ON users (created_at) WHERE email_verified_at IS NULL;
