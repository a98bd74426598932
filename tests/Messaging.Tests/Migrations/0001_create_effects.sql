-- What the test handler does with each event: one row per handled event.
CREATE TABLE effects (event_id uuid NOT NULL, name text NOT NULL, handled_by text NOT NULL);
