"""Cleaning stage: HTML or flattened text in, the article body with metadata and reasons out."""
