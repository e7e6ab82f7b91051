"""Translation memory: sentence splitting, sentence alignment, fuzzy matching, the store."""
