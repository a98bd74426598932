-- One row per mail to send: the effect of an event, written in the same transaction that records the event id.
CREATE TABLE mails (
    id            uuid PRIMARY KEY,             -- also the Message-ID, so a resend after a crash is recognisable
    event_id      uuid NOT NULL,                -- the event that asked for this mail (or last replaced it)
    event         jsonb NOT NULL,               -- that event's envelope: what goes to the dead letters if the mail fails for good
    replace_key   text,                         -- cart reminders and keyed schedules: a later request replaces a pending row
    template      text NOT NULL,
    recipient     text NOT NULL,
    subject       text NOT NULL,
    text_body     text NOT NULL,
    html_body     text NOT NULL,
    due_at        timestamptz NOT NULL,
    expires_at    timestamptz,                  -- a sign-in code is useless after this: not sent late
    status        text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled', 'expired')),
    attempts      integer NOT NULL DEFAULT 0,
    lease_until   timestamptz,                  -- while 'sending': after this another replica may take the row over
    claim_token   uuid,                         -- who holds the lease: only the holder may settle the row
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz
);

CREATE UNIQUE INDEX mails_one_per_event ON mails (event_id, template);
CREATE UNIQUE INDEX mails_one_pending_per_key ON mails (replace_key) WHERE status = 'pending';
CREATE INDEX mails_due ON mails (due_at) WHERE status = 'pending';
CREATE INDEX mails_leased ON mails (lease_until) WHERE status = 'sending';

-- The newest change seen per replace key, so an older event handled after a newer one (two replicas
-- consume concurrently) neither re-arms a cancelled cart reminder nor replaces a newer schedule.
CREATE TABLE notification_keys (
    replace_key text PRIMARY KEY,
    changed_at  timestamptz NOT NULL,
    event_id    uuid NOT NULL
);

-- Wakes every replica's sender as soon as a pending row commits (NOTIFY is delivered at commit).
CREATE FUNCTION notify_mail_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mail_due', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER mails_notify_due
    AFTER INSERT OR UPDATE OF status, due_at ON mails
    FOR EACH ROW WHEN (NEW.status = 'pending')
    EXECUTE FUNCTION notify_mail_due();
