-- Not idempotent on purpose: a second run of this script would fail.
ALTER TABLE widgets ADD COLUMN color text;
INSERT INTO widgets (name, color) VALUES ('first', 'red');
