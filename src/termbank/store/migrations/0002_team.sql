-- A termbase for a team: who changed what and when, and who may do what.
CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    concept_id TEXT COLLATE "C" NOT NULL,   -- no foreign key: the trail outlives a deletion
    version INTEGER NOT NULL,               -- the concept's version after the change
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,                   -- import, propose, approve, reject, deprecate, edit
    detail TEXT                             -- JSON: the term before and after, a note
);
CREATE INDEX audit_concept ON audit (concept_id, id);

CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,                  -- sha256 of the token; the token itself is not kept
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'translator', 'terminologist')),
    created TIMESTAMPTZ NOT NULL DEFAULT now()
);
