"""Data files shipped with termbank: schemas, reference terms, curated lists."""
