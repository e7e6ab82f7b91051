-- The same tables and search keys as the SQLite store (see termbank.store.sqlite).
-- Keys are compared byte-wise (COLLATE "C"): exact matches, prefix ranges and index order do
-- not depend on the database's locale.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE concepts (
    id TEXT COLLATE "C" PRIMARY KEY,
    data TEXT NOT NULL,                      -- the concept as JSON (termbank.records)
    version INTEGER NOT NULL DEFAULT 1       -- bumped by every write: optimistic locking
);

CREATE TABLE terms (
    concept_id TEXT COLLATE "C" NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    lang TEXT COLLATE "C" NOT NULL,
    text TEXT NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL,
    review TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'fullForm',
    fold TEXT COLLATE "C" NOT NULL DEFAULT '',
    morph TEXT COLLATE "C" NOT NULL DEFAULT '',
    initials TEXT COLLATE "C"
);
CREATE INDEX terms_key ON terms (key);
CREATE INDEX terms_concept ON terms (concept_id);
CREATE INDEX terms_fold ON terms (fold);
CREATE INDEX terms_morph ON terms (morph);
CREATE INDEX terms_initials ON terms (initials) WHERE initials IS NOT NULL;
CREATE INDEX terms_review ON terms (review) WHERE review = 'proposed';
-- substring search over the folded and citation-form keys (SQLite: an FTS5 trigram table)
CREATE INDEX terms_trgm ON terms USING gin ((fold || ' | ' || morph) gin_trgm_ops);

CREATE TABLE vocabulary (word TEXT COLLATE "C" PRIMARY KEY);
CREATE TABLE vocabulary_deletes (
    variant TEXT COLLATE "C" NOT NULL,
    word TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (variant, word)
);
